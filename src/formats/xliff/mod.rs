//! XLIFF.
