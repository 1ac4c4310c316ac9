//! The sender (being written).
