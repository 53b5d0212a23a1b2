//! Records into batches: one batch per partition makes a round, handed over whole when a
//! batch fills or when the input has nothing more buffered. `slot` is the one way a record
//! gets into a round (size check, placement, room); the value-only paths (`push_value`,
//! `push_lines`) use it too, they only skip building a general record.

use super::invalid::{Fail, Invalid};
use super::placement::Placement;
use crate::error::Result;
use crate::store::batch::{BatchBuilder, HEADER_LEN, NewRecord};

/// One batch per partition, plus (when offsets are printed) where each message went.
pub(super) struct Round {
    pub(super) batches: Vec<BatchBuilder>,
    /// (partition, index in its batch, timestamp) of every message, in input order, when
    /// offsets are to be printed.
    pub(super) pending: Vec<(i32, i32, i64)>,
    /// The round's sticky partition and how many unkeyed, unnamed records went to it: when
    /// that is all its batch holds, the batch may go to another partition instead.
    pub(super) unkeyed: Option<(usize, u32)>,
}

impl Round {
    pub(super) fn new(parts: usize) -> Round {
        Round {
            batches: (0..parts).map(|_| BatchBuilder::with_capacity(0)).collect(),
            pending: Vec::new(),
            unkeyed: None,
        }
    }

    /// Whether batch `p` holds only records that may go to any partition.
    pub(super) fn movable(&self, p: usize) -> bool {
        self.unkeyed
            .is_some_and(|(s, n)| s == p && n == self.batches[p].record_count() as u32)
    }
}

/// Hands a round of batches over to be appended; leaves an empty round in its place.
pub(super) type Deliver<'d> = dyn FnMut(&mut Round) -> Result<()> + 'd;

/// Accumulates records into the current round, handing it over when a batch fills or when
/// asked to.
pub(super) struct Batcher {
    pub(super) round: Round,
    track_offsets: bool,
    /// A batch is handed over before it would grow past this.
    limit: usize,
    /// The topic's max.message.bytes: no record batch may be larger.
    pub(super) max_message: usize,
    pub(super) placement: Placement,
}

impl Batcher {
    pub(super) fn new(parts: usize, limit: usize, max_message: usize, track_offsets: bool) -> Self {
        Batcher {
            round: Round::new(parts),
            track_offsets,
            limit,
            max_message,
            placement: Placement::new(parts),
        }
    }

    /// Finds `rec` its partition's batch, handing the round over first if that batch is
    /// full; returns the partition index. Refuses (changing nothing) a record too large for
    /// the topic or named to a partition that does not exist.
    #[inline(always)]
    fn slot(
        &mut self,
        partition: Option<i32>,
        rec: &NewRecord,
        deliver: &mut Deliver,
    ) -> Result<usize, Fail> {
        let size = BatchBuilder::record_size(rec);
        if HEADER_LEN + size > self.max_message {
            return Err(Fail::Invalid(Invalid::TooLarge {
                size: rec.value.map_or(0, <[u8]>::len) + rec.key.map_or(0, <[u8]>::len),
                max: self.max_message,
            }));
        }
        let anywhere = partition.is_none() && rec.key.is_none();
        let mut p = self.placement.place(partition, rec.key)?;
        if let Some(b) = self.round.batches.get(p)
            && !b.is_empty()
            && b.size() + size > self.limit
        {
            self.send_all(deliver)?;
            if anywhere {
                // The new round's sticky partition.
                p = self.placement.place(None, None)?;
            }
        }
        // After any hand-over: the round in place now may be a reused one of fewer batches.
        if p >= self.round.batches.len() {
            // A partition the topic grows to (see `Placement::grow_to`).
            self.round
                .batches
                .resize_with(p + 1, || BatchBuilder::with_capacity(0));
        }
        if anywhere {
            // One sticky partition per round; should that ever not hold, nothing moves.
            self.round.unkeyed = Some(match self.round.unkeyed {
                Some((s, n)) if s == p => (s, n + 1),
                Some((s, _)) => (s, u32::MAX),
                None => (p, 1),
            });
        }
        if self.track_offsets {
            let count = self.round.batches[p].record_count();
            self.round.pending.push((p as i32, count, rec.timestamp));
        }
        Ok(p)
    }

    pub(super) fn push(
        &mut self,
        partition: Option<i32>,
        rec: NewRecord,
        deliver: &mut Deliver,
    ) -> Result<(), Fail> {
        let p = self.slot(partition, &rec, deliver)?;
        self.round.batches[p].push(&rec);
        Ok(())
    }

    /// `push` of a record with a value only.
    #[inline]
    pub(super) fn push_value(
        &mut self,
        partition: Option<i32>,
        timestamp: i64,
        value: Option<&[u8]>,
        deliver: &mut Deliver,
    ) -> Result<(), Fail> {
        let rec = NewRecord {
            timestamp,
            key: None,
            value,
            headers: &[],
        };
        let p = self.slot(partition, &rec, deliver)?;
        self.round.batches[p].push_value(timestamp, value);
        Ok(())
    }

    /// Adds every `delim`-terminated line at the start of `chunk` as a value-only record,
    /// counting them in `n`; returns the bytes taken (through the last delimiter taken).
    /// What `push_value` does per line, without a call per line. Stops before a line that
    /// cannot be a record, for the caller's general path to report or skip.
    #[allow(clippy::too_many_arguments)]
    pub(super) fn push_lines(
        &mut self,
        chunk: &[u8],
        delim: u8,
        n: &mut u64,
        partition: Option<i32>,
        timestamp: i64,
        tombstone: bool,
        deliver: &mut Deliver,
    ) -> Result<usize> {
        let mut start = 0;
        for end in memchr::memchr_iter(delim, chunk) {
            let line = &chunk[start..end];
            let value = if tombstone && line.is_empty() {
                None
            } else {
                Some(line)
            };
            let rec = NewRecord {
                timestamp,
                key: None,
                value,
                headers: &[],
            };
            let p = match self.slot(partition, &rec, deliver) {
                Ok(p) => p,
                Err(Fail::Invalid(_)) => return Ok(start),
                Err(Fail::Fatal(e)) => return Err(e),
            };
            self.round.batches[p].push_value(timestamp, value);
            *n += 1;
            start = end + 1;
        }
        Ok(start)
    }

    /// Hands over every pending batch; the next round goes to the next sticky partition.
    pub(super) fn send_all(&mut self, deliver: &mut Deliver) -> Result<()> {
        if self.round.batches.iter().all(BatchBuilder::is_empty) {
            return Ok(());
        }
        deliver(&mut self.round)?;
        self.placement.next_round();
        Ok(())
    }
}
