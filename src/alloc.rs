//! kaf's global allocator: the system allocator, except that huge allocations are reserved
//! lazily (mmap with MAP_NORESERVE) instead of committed up front.
//!
//! Why: the `kafka-protocol` decoder calls `Vec::with_capacity(n)` with the element count a
//! request declares, before reading any element. A 15-byte frame declaring 2^31 topics asked
//! for 117 GB, and an allocation failure aborts the whole server (found by the server_frame
//! fuzz target). A reservation costs address space only: the decoder fails as soon as the
//! frame runs out of bytes, having touched no more memory than the frame's size, and the
//! reservation is unmapped. Ordinary allocations are untouched.

use std::alloc::{GlobalAlloc, Layout, System};
use std::ptr::null_mut;

/// From this size on, allocations are lazy reservations.
const HUGE: usize = 1 << 30;
const PAGE: usize = 4096;

pub struct Alloc;

fn lazy(l: &Layout) -> bool {
    l.size() >= HUGE && l.align() <= PAGE
}

// SAFETY: every pointer handed out is either System's (and returned to System with the same
// layout) or a fresh page-aligned anonymous mapping of at least `size` bytes, unmapped with
// the same size; both satisfy alignments up to a page, which `lazy` checks.
unsafe impl GlobalAlloc for Alloc {
    unsafe fn alloc(&self, l: Layout) -> *mut u8 {
        if !lazy(&l) {
            return unsafe { System.alloc(l) };
        }
        let p = unsafe {
            libc::mmap(
                null_mut(),
                l.size(),
                libc::PROT_READ | libc::PROT_WRITE,
                libc::MAP_PRIVATE | libc::MAP_ANONYMOUS | libc::MAP_NORESERVE,
                -1,
                0,
            )
        };
        if p == libc::MAP_FAILED {
            null_mut()
        } else {
            p.cast()
        }
    }

    unsafe fn alloc_zeroed(&self, l: Layout) -> *mut u8 {
        if lazy(&l) {
            // Anonymous mappings are zero-filled.
            unsafe { self.alloc(l) }
        } else {
            unsafe { System.alloc_zeroed(l) }
        }
    }

    unsafe fn dealloc(&self, p: *mut u8, l: Layout) {
        if lazy(&l) {
            unsafe { libc::munmap(p.cast(), l.size()) };
        } else {
            unsafe { System.dealloc(p, l) }
        }
    }

    unsafe fn realloc(&self, p: *mut u8, l: Layout, new_size: usize) -> *mut u8 {
        let new = unsafe { Layout::from_size_align_unchecked(new_size, l.align()) };
        if !lazy(&l) && !lazy(&new) {
            return unsafe { System.realloc(p, l, new_size) };
        }
        let q = unsafe { self.alloc(new) };
        if !q.is_null() {
            unsafe { std::ptr::copy_nonoverlapping(p, q, l.size().min(new_size)) };
            unsafe { self.dealloc(p, l) };
        }
        q
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_huge_reservation_costs_nothing_until_used() {
        // 117 GB, as the fuzzer's frame asked for: reserved, a few bytes used, freed.
        let mut v: Vec<u64> = Vec::with_capacity(117_172_076_544 / 8);
        v.push(7);
        v.push(8);
        assert_eq!(v.iter().sum::<u64>(), 15);
        v.shrink_to_fit();
        assert_eq!(v, [7, 8]);
    }
}
