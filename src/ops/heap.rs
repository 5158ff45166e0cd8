//! Keep freed message-sized buffers in the process instead of handing them
//! back to the kernel after every message.
//!
//! A scan allocates a few buffers the size of the message (decoded text,
//! match and anchor lists). glibc serves blocks above its mmap threshold
//! with fresh mappings and trims the heap top above its trim threshold, so
//! each message paid for zero-filled pages again: on a PHI-dense 8 MiB body
//! page faults were about an eighth of the scan's CPU time. Raising both
//! thresholds lets the next message reuse the same pages. The price: up
//! to the trim threshold of freed memory per malloc arena stays with the
//! process, so its resident size stays near the peak of concurrent scans
//! instead of falling back between messages.

/// Blocks up to this size come from the heap, not from their own mapping:
/// glibc's largest accepted value (larger ones are refused).
const MMAP_THRESHOLD: i32 = 32 << 20;
/// Free memory at the heap top kept for reuse before trimming.
const TRIM_THRESHOLD: i32 = 256 << 20;

/// Set once, first thing in `main`, before any thread starts.
pub fn keep_freed_buffers() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: mallopt only sets allocator parameters; called before any
    // other thread exists, as glibc requires for consistent settings.
    unsafe {
        let mmap = libc::mallopt(libc::M_MMAP_THRESHOLD, MMAP_THRESHOLD);
        let trim = libc::mallopt(libc::M_TRIM_THRESHOLD, TRIM_THRESHOLD);
        debug_assert!(mmap == 1 && trim == 1, "mallopt refused a setting");
    }
}
