//! Unit tests of the sentence segmenter.
