//! How long a sign-in key (a user name or a client address) stays locked after failed attempts.

use std::time::Duration;

/// Failures are forgotten after this long without another one.
pub const FORGET_AFTER: Duration = Duration::from_secs(15 * 60);
/// No lock lasts longer than this, so a forgotten attacker never shuts a person out for a day.
pub const MAX_LOCK: Duration = Duration::from_secs(15 * 60);

/// What a key is: one name being guessed, or one address guessing many names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LockKey {
    User,
    Address,
}

impl LockKey {
    /// Failures allowed before the first lock. An address gets more: a newsroom behind one
    /// NAT signs in from a single address, and one person's typos must not lock out the others.
    pub fn free_failures(self) -> u32 {
        match self {
            Self::User => 5,
            Self::Address => 30,
        }
    }

    /// The stored key, so that names and addresses never collide.
    pub fn key(self, value: &str) -> String {
        match self {
            Self::User => format!("user:{value}"),
            Self::Address => format!("addr:{value}"),
        }
    }
}

/// The lock after the `failures`-th failure in a row: none until the free ones are used up, then
/// 1 s, 2 s, 4 s, ... doubling with every further failure, up to `MAX_LOCK`.
pub fn lock_after(kind: LockKey, failures: u32) -> Option<Duration> {
    let free = kind.free_failures();
    if failures < free {
        return None;
    }
    let exponent = (failures - free).min(20);
    Some(Duration::from_secs(1u64 << exponent).min(MAX_LOCK))
}

/// The part of a client address that identifies one client: the whole IPv4 address, or the /64
/// prefix of an IPv6 one (a single host commonly holds the whole /64 and can rotate inside it).
pub fn address_key(ip: std::net::IpAddr) -> String {
    match ip {
        std::net::IpAddr::V4(v4) => v4.to_string(),
        std::net::IpAddr::V6(v6) => match v6.to_ipv4_mapped() {
            Some(v4) => v4.to_string(),
            None => {
                let s = v6.segments();
                format!("{:x}:{:x}:{:x}:{:x}::/64", s[0], s[1], s[2], s[3])
            }
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn users_lock_after_five_and_double() {
        assert_eq!(lock_after(LockKey::User, 4), None);
        assert_eq!(lock_after(LockKey::User, 5), Some(Duration::from_secs(1)));
        assert_eq!(lock_after(LockKey::User, 7), Some(Duration::from_secs(4)));
        assert_eq!(lock_after(LockKey::User, 60), Some(MAX_LOCK));
    }

    #[test]
    fn addresses_get_more_room() {
        assert_eq!(lock_after(LockKey::Address, 29), None);
        assert_eq!(
            lock_after(LockKey::Address, 30),
            Some(Duration::from_secs(1))
        );
        assert_ne!(
            LockKey::User.key("1.2.3.4"),
            LockKey::Address.key("1.2.3.4")
        );
    }

    #[test]
    fn ipv6_clients_are_keyed_by_their_prefix() {
        let a: std::net::IpAddr = "2001:db8:aa:bb:1::7".parse().expect("ip");
        let b: std::net::IpAddr = "2001:db8:aa:bb:ffff::1".parse().expect("ip");
        assert_eq!(address_key(a), address_key(b));
        let mapped: std::net::IpAddr = "::ffff:10.0.0.8".parse().expect("ip");
        assert_eq!(address_key(mapped), "10.0.0.8");
    }
}
