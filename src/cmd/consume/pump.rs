//! The pump: fetches whole batches from each partition and writes their records, partition
//! by partition (or polling in turn with `--follow`), until every partition reaches its stop
//! offset, `-c` records were written, or a stop signal.

use std::io::Write;
use std::time::Duration;

use super::Part;
use super::output::Output;
use crate::error::{Error, Result};
use crate::stdout::{OUT_CHUNK, Sink};
use crate::store::batch::{self, Records, Scan};

const FOLLOW_WAIT: Duration = Duration::from_millis(100);

/// Called by `pump` after each fetch: may commit, may add or remove partitions; returns
/// true while a group rebalance may still bring partitions.
pub(super) type Progress<'a> = dyn FnMut(&mut Vec<Part>, &mut dyn Write) -> Result<bool> + 'a;

/// Reads the partitions and writes their records until every one is done, `count` records
/// were written, or (following) until a stop signal. `progress` is called after
/// its records so far have been written to `out` (not necessarily flushed); it may add
/// partitions. With `follow`, SIGINT/SIGTERM end the loop cleanly.
pub(super) fn pump(
    parts: &mut Vec<Part>,
    output: &Output,
    count: Option<u64>,
    follow: bool,
    fetch_bytes: usize,
    out: &mut dyn Sink,
    progress: &mut Progress,
) -> Result<u64> {
    let mut printed: u64 = 0;
    let mut buf = Vec::new();
    // Rendered records not yet handed to `out`.
    let mut pending: Vec<u8> = Vec::with_capacity(OUT_CHUNK + 64 * 1024);
    let werr = |e| Error::io("write stdout", e);
    // A group rebalance is under way: partitions may still come, so running out of them
    // does not end the run.
    let mut settling = false;
    loop {
        let mut any = false;
        let mut i = 0;
        while i < parts.len() {
            // Without follow, drain one partition completely before the next.
            loop {
                // `progress` may have taken partitions away (a group rebalance).
                if i >= parts.len() || parts[i].done() || count.is_some_and(|c| printed >= c) {
                    break;
                }
                buf.clear();
                if parts[i].fetcher.fetch(&mut buf, fetch_bytes)? == 0 {
                    break;
                }
                any = true;
                let part = &mut parts[i];
                if let Some((from, to)) = part.fetcher.take_skipped()
                    && to > part.next
                {
                    eprintln!(
                        "kaf: warning: {}/{}: offsets {}..{to} were removed (retention or \
                         delete-records) before they were read; going on from offset {to}",
                        part.topic,
                        part.partition,
                        from.max(part.next)
                    );
                }
                let verified = part.fetcher.verifies_crc();
                let mut at = 0;
                while at < buf.len() && !part.done() && count.is_none_or(|c| printed < c) {
                    let scanned = if verified {
                        batch::scan_verified(&buf[at..])
                    } else {
                        batch::scan(&buf[at..])
                    };
                    let Scan::Batch(h, len) = scanned else {
                        return Err(Error::Corrupt(format!(
                            "{}/{}: fetched bytes are not whole batches",
                            part.topic, part.partition
                        )));
                    };
                    let bytes = &buf[at..at + len];
                    at += len;
                    if h.is_control() || h.next_offset() <= part.next {
                        part.next = part.next.max(h.next_offset());
                        continue;
                    }
                    let recs = Records::new(bytes, h)?;
                    let (stop, next) = (part.stop, part.next);
                    // Records of this batch that are printed: [from, until) by offset.
                    let (from, until) = (next, stop.unwrap_or(i64::MAX));
                    let room = count.map(|c| c.saturating_sub(printed));
                    let rendered = output.render_batch(
                        &recs,
                        &part.topic,
                        part.partition,
                        from..until,
                        room,
                        &mut pending,
                    );
                    let (n, last) = match rendered {
                        Ok(r) => r,
                        Err(e) => {
                            // A record that does not decode (`-s`): the records before it
                            // are printed, as they would have been one at a time.
                            let _ = out.put(&mut pending);
                            return Err(e);
                        }
                    };
                    printed += n;
                    if pending.len() >= OUT_CHUNK {
                        out.put(&mut pending).map_err(werr)?;
                    }
                    part.next = match last {
                        // Stopped inside the batch (count reached): resume after the last one.
                        Some(o) if count.is_some_and(|c| printed >= c) => o + 1,
                        _ => h.next_offset().max(part.next),
                    };
                    if let Some(s) = part.stop {
                        part.next = part.next.min(s.max(next));
                    }
                }
                out.put(&mut pending).map_err(werr)?;
                settling = progress(parts, out)?;
                if follow {
                    break;
                }
            }
            if !follow && let Some(part) = parts.get_mut(i) {
                // Drained for now: give its descriptors back before the next partition.
                part.fetcher.release();
            }
            i += 1;
        }
        if count.is_some_and(|c| printed >= c) {
            return Ok(printed);
        }
        // A follower left without partitions by a rebalance waits for new ones.
        let all_done = !(follow && parts.is_empty()) && parts.iter().all(Part::done);
        if !settling && (all_done || (!follow && !any)) {
            return Ok(printed);
        }
        if !follow && !settling {
            continue;
        }
        if crate::cmd::stop_requested() {
            return Ok(printed);
        }
        if !any {
            out.flush().map_err(werr)?;
            settling = progress(parts, out)?;
            // Wait on the first unfinished partition; the wait is short, so others are
            // looked at again soon.
            if let Some(p) = parts.iter_mut().find(|p| !p.done()) {
                p.fetcher.wait(FOLLOW_WAIT)?;
            } else {
                std::thread::sleep(FOLLOW_WAIT);
            }
        }
    }
}
