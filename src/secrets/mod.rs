//! Secrets sealed at rest: the cipher that seals one value, and the file that keeps its key.

pub mod cipher;
pub mod key_file;

pub use cipher::{Purpose, SealError, Sealer, SecretKey};
