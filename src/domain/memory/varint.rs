//! LEB128 varints: seven bits a byte, low bits first, so that small numbers take one byte.

/// Append `value` to `out`.
pub(crate) fn push_varint(out: &mut Vec<u8>, mut value: u32) {
    while value >= 0x80 {
        out.push((value as u8) | 0x80);
        value >>= 7;
    }
    out.push(value as u8);
}

/// Append a 64-bit `value` to `out`.
pub(crate) fn push_varint64(out: &mut Vec<u8>, mut value: u64) {
    while value >= 0x80 {
        out.push((value as u8) | 0x80);
        value >>= 7;
    }
    out.push(value as u8);
}

/// The value starting at `at` and the position after it. Bytes that end inside a value (which
/// the index never writes) read as what they hold so far.
#[inline]
pub(crate) fn read_varint(bytes: &[u8], at: usize) -> (u32, usize) {
    let (value, end) = read_varint64(bytes, at);
    (value as u32, end)
}

/// Like [`read_varint`], for 64-bit values.
#[inline]
pub(crate) fn read_varint64(bytes: &[u8], mut at: usize) -> (u64, usize) {
    let mut value = 0u64;
    let mut shift = 0;
    while let Some(&byte) = bytes.get(at) {
        at += 1;
        if shift < 64 {
            value |= u64::from(byte & 0x7f) << shift;
        }
        if byte < 0x80 {
            break;
        }
        shift += 7;
    }
    (value, at)
}
