//! Seals and opens one stored secret under the server's key (XChaCha20-Poly1305).
//!
//! A sealed value is text, so it fits the TEXT columns that held the secret in clear:
//! `sealed:v1:` and the base64 of a random 24-byte nonce followed by the ciphertext and its tag.
//! The purpose is the associated data: a value sealed as a webhook secret does not open as
//! anything else, so rows cannot be moved between columns to change what they mean.

use base64::engine::general_purpose::STANDARD as BASE64;
use base64::Engine;
use chacha20poly1305::aead::{Aead, KeyInit, Payload};
use chacha20poly1305::{XChaCha20Poly1305, XNonce};
use rand::RngCore;
use zeroize::{Zeroize, Zeroizing};

/// What every sealed value starts with; `v1` names this cipher and layout, so another can follow.
pub const SEALED_PREFIX: &str = "sealed:v1:";
/// Bytes of a key.
pub const KEY_LEN: usize = 32;
const NONCE_LEN: usize = 24;
const TAG_LEN: usize = 16;
/// What the key check seals: any fixed text does, the tag is what proves the key.
const KEY_CHECK_TEXT: &str = "tandem key check";

/// What a sealed value is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Purpose {
    /// A webhook's `whsec_` signing secret.
    WebhookSecret,
    /// The value that proves a key is the one the database was sealed with.
    KeyCheck,
}

impl Purpose {
    fn associated_data(self) -> &'static [u8] {
        match self {
            Self::WebhookSecret => b"tandem webhook secret",
            Self::KeyCheck => b"tandem key check",
        }
    }
}

/// Whether a stored value is sealed (by any version of the format), rather than in clear.
pub fn is_sealed(stored: &str) -> bool {
    stored.starts_with("sealed:")
}

/// 32 key bytes, wiped from memory when dropped.
#[derive(Clone, PartialEq, Eq)]
pub struct SecretKey([u8; KEY_LEN]);

impl SecretKey {
    /// A new random key from the operating system's generator (through `rand`'s thread RNG,
    /// which is seeded from it and is a CSPRNG).
    pub fn generate() -> Self {
        let mut bytes = [0u8; KEY_LEN];
        rand::rng().fill_bytes(&mut bytes);
        Self(bytes)
    }

    /// The key written as base64 (how `TANDEM_SECRET_KEY` and key files hold it); surrounding
    /// white space, such as a file's final newline, is ignored.
    pub fn from_base64(text: &str) -> Result<Self, KeyError> {
        let bytes = Zeroizing::new(
            BASE64
                .decode(text.trim())
                .map_err(|_| KeyError::NotBase64)?,
        );
        let array: [u8; KEY_LEN] = bytes
            .as_slice()
            .try_into()
            .map_err(|_| KeyError::WrongLength(bytes.len()))?;
        Ok(Self(array))
    }

    pub fn to_base64(&self) -> Zeroizing<String> {
        Zeroizing::new(BASE64.encode(self.0))
    }
}

impl Drop for SecretKey {
    fn drop(&mut self) {
        self.0.zeroize();
    }
}

impl std::fmt::Debug for SecretKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("SecretKey(***)")
    }
}

/// Why a text is not a key.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum KeyError {
    #[error("it is not base64 (a key is the base64 of 32 random bytes, e.g. from `openssl rand -base64 32`)")]
    NotBase64,
    #[error("it holds {0} bytes, not 32 (a key is the base64 of 32 random bytes, e.g. from `openssl rand -base64 32`)")]
    WrongLength(usize),
}

/// Why a stored value does not open.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum OpenError {
    #[error("the value is not sealed")]
    NotSealed,
    #[error("the sealed value is damaged")]
    Malformed,
    /// Authentication failed: another key sealed it, it was sealed for another purpose, or a
    /// byte changed. The cipher cannot tell these apart, by design.
    #[error("the sealed value does not open with this key")]
    WrongKey,
}

/// The cipher refused to seal (only a value past its length limit can make it).
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("the value cannot be sealed")]
pub struct SealError;

/// Seals and opens values under one key. The cipher wipes its copy of the key when dropped.
pub struct Sealer {
    cipher: XChaCha20Poly1305,
}

impl Sealer {
    pub fn new(key: &SecretKey) -> Self {
        Self {
            cipher: XChaCha20Poly1305::new(&key.0.into()),
        }
    }

    /// `plain` sealed for `purpose`, under a fresh random nonce: sealing the same text twice
    /// gives two different values.
    pub fn seal(&self, purpose: Purpose, plain: &str) -> Result<String, SealError> {
        let mut nonce = [0u8; NONCE_LEN];
        rand::rng().fill_bytes(&mut nonce);
        let payload = Payload {
            msg: plain.as_bytes(),
            aad: purpose.associated_data(),
        };
        // Encryption fails only past 256 GiB of plaintext (the cipher's counter limit).
        let sealed = self
            .cipher
            .encrypt(XNonce::from_slice(&nonce), payload)
            .map_err(|_| SealError)?;
        let mut raw = Vec::with_capacity(NONCE_LEN + sealed.len());
        raw.extend_from_slice(&nonce);
        raw.extend_from_slice(&sealed);
        Ok(format!("{SEALED_PREFIX}{}", BASE64.encode(raw)))
    }

    /// The text `stored` holds, when it was sealed for `purpose` under this key and is intact.
    pub fn open(&self, purpose: Purpose, stored: &str) -> Result<Zeroizing<String>, OpenError> {
        let encoded = stored
            .strip_prefix(SEALED_PREFIX)
            .ok_or(if is_sealed(stored) {
                // A newer format this version does not know.
                OpenError::Malformed
            } else {
                OpenError::NotSealed
            })?;
        let raw = BASE64.decode(encoded).map_err(|_| OpenError::Malformed)?;
        if raw.len() < NONCE_LEN + TAG_LEN {
            return Err(OpenError::Malformed);
        }
        let (nonce, sealed) = raw.split_at(NONCE_LEN);
        let plain = self
            .cipher
            .decrypt(
                XNonce::from_slice(nonce),
                Payload {
                    msg: sealed,
                    aad: purpose.associated_data(),
                },
            )
            .map_err(|_| OpenError::WrongKey)?;
        // Sealed values are made from text, so an authentic one is always UTF-8.
        String::from_utf8(plain)
            .map(Zeroizing::new)
            .map_err(|_| OpenError::Malformed)
    }

    /// A new key check: a fixed text sealed under this key, kept in the database so that a
    /// start with another key fails at once.
    pub fn key_check(&self) -> Result<String, SealError> {
        self.seal(Purpose::KeyCheck, KEY_CHECK_TEXT)
    }

    /// Whether `stored` is a key check made under this key.
    pub fn opens_key_check(&self, stored: &str) -> bool {
        self.open(Purpose::KeyCheck, stored)
            .is_ok_and(|text| text.as_str() == KEY_CHECK_TEXT)
    }
}

impl std::fmt::Debug for Sealer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Sealer(***)")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SECRET: &str = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

    #[test]
    fn a_sealed_value_opens_with_its_key_and_shows_nothing_of_the_secret() {
        let sealer = Sealer::new(&SecretKey::generate());
        let sealed = sealer.seal(Purpose::WebhookSecret, SECRET).expect("seal");
        assert!(sealed.starts_with(SEALED_PREFIX), "{sealed}");
        assert!(is_sealed(&sealed));
        assert!(!sealed.contains("MfKQ9r8G"), "{sealed}");
        assert_eq!(
            sealer.open(Purpose::WebhookSecret, &sealed).as_deref(),
            Ok(&SECRET.to_owned())
        );
        // A fresh nonce each time: equal secrets do not give equal values.
        assert_ne!(
            sealed,
            sealer.seal(Purpose::WebhookSecret, SECRET).expect("seal")
        );
    }

    #[test]
    fn another_key_does_not_open_it() {
        let sealed = Sealer::new(&SecretKey::generate())
            .seal(Purpose::WebhookSecret, SECRET)
            .expect("seal");
        let other = Sealer::new(&SecretKey::generate());
        assert_eq!(
            other.open(Purpose::WebhookSecret, &sealed),
            Err(OpenError::WrongKey)
        );
    }

    #[test]
    fn a_changed_byte_is_refused() {
        let sealer = Sealer::new(&SecretKey::generate());
        let sealed = sealer.seal(Purpose::WebhookSecret, SECRET).expect("seal");
        let mut raw = BASE64
            .decode(&sealed[SEALED_PREFIX.len()..])
            .expect("base64");
        // One byte of the nonce, of the ciphertext and of the tag, each on its own.
        for at in [3, NONCE_LEN + 5, raw.len() - 1] {
            raw[at] ^= 0x01;
            let tampered = format!("{SEALED_PREFIX}{}", BASE64.encode(&raw));
            assert_eq!(
                sealer.open(Purpose::WebhookSecret, &tampered),
                Err(OpenError::WrongKey),
                "byte {at}"
            );
            raw[at] ^= 0x01;
        }
    }

    #[test]
    fn a_value_opens_only_for_its_purpose() {
        let sealer = Sealer::new(&SecretKey::generate());
        let sealed = sealer.seal(Purpose::WebhookSecret, SECRET).expect("seal");
        assert_eq!(
            sealer.open(Purpose::KeyCheck, &sealed),
            Err(OpenError::WrongKey)
        );
        let check = sealer.key_check().expect("seal");
        assert!(sealer.opens_key_check(&check));
        assert!(!sealer.opens_key_check(&sealed));
        assert!(!Sealer::new(&SecretKey::generate()).opens_key_check(&check));
    }

    #[test]
    fn clear_and_damaged_values_are_told_apart() {
        let sealer = Sealer::new(&SecretKey::generate());
        assert_eq!(
            sealer.open(Purpose::WebhookSecret, SECRET),
            Err(OpenError::NotSealed)
        );
        assert!(!is_sealed(SECRET));
        for damaged in [
            "sealed:v1:not base64!",
            "sealed:v1:AAAA",
            "sealed:v9:AAAA",
            "sealed:v1:",
        ] {
            assert_eq!(
                sealer.open(Purpose::WebhookSecret, damaged),
                Err(OpenError::Malformed),
                "{damaged}"
            );
        }
    }

    #[test]
    fn keys_are_read_from_base64_of_exactly_32_bytes() {
        let key = SecretKey::generate();
        let text = key.to_base64();
        assert_eq!(SecretKey::from_base64(&format!("{}\n", *text)), Ok(key));
        assert_eq!(
            SecretKey::from_base64("c2hvcnQ="),
            Err(KeyError::WrongLength(5))
        );
        assert_eq!(
            SecretKey::from_base64("not a key at all"),
            Err(KeyError::NotBase64)
        );
        assert_eq!(SecretKey::from_base64(""), Err(KeyError::WrongLength(0)));
        assert_eq!(format!("{:?}", SecretKey::generate()), "SecretKey(***)");
    }
}
