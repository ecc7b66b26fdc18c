//! Tests of the translation-memory module.
