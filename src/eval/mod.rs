//! Measurements of Tandem's text processing against outside test suites, read at run time.

pub mod alignment;
pub mod segmentation;
