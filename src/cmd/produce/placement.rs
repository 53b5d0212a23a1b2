//! Which partition a record goes to: the one named (`-p`, or the JSON's with
//! `--keep-partition`), else murmur2 of its key, else the round's sticky partition. Unkeyed
//! records stick to one partition per round of batches and the next round moves on, as
//! Kafka's default partitioner does per batch, passing over partitions whose leader cannot
//! be reached (remote). This is the only placement rule in produce; the appender may still
//! move a round's unkeyed batch when its leader fails under it (`pipeline::Appender`).

use super::invalid::Invalid;
use crate::broker::Availability;
use crate::partitioner::partition_for_key;

pub(super) struct Placement {
    parts: i32,
    /// Named partitions below this are accepted: `parts`, or more when the topic grows to
    /// what its input names (an auto-created topic with `--keep-partition`).
    named_limit: i32,
    sticky: i32,
    /// Which partitions the next round's unkeyed records may go to (None: any).
    avail: Option<Availability>,
}

impl Placement {
    /// Starts at a random partition, so separate runs of unkeyed input spread out.
    pub(super) fn new(parts: usize) -> Placement {
        Placement {
            parts: parts.max(1) as i32,
            named_limit: parts.max(1) as i32,
            sticky: random_below(parts),
            avail: None,
        }
    }

    /// Unkeyed rounds go only to partitions `avail` accepts, while there are any.
    pub(super) fn steer(&mut self, avail: Option<Availability>) {
        self.avail = avail;
    }

    /// Accepts named partitions up to `limit` (the topic is grown to them before writing).
    pub(super) fn grow_to(&mut self, limit: i32) {
        self.named_limit = self.named_limit.max(limit);
    }

    /// The partition index for a record; `Invalid::NoPartition` if the one named does not
    /// exist.
    #[inline(always)]
    pub(super) fn place(&self, named: Option<i32>, key: Option<&[u8]>) -> Result<usize, Invalid> {
        let p = match (named, key) {
            (Some(p), _) => p,
            (None, Some(k)) => partition_for_key(k, self.parts),
            (None, None) => self.sticky,
        };
        let limit = if named.is_some() {
            self.named_limit
        } else {
            self.parts
        };
        if p < 0 || p >= limit {
            return Err(Invalid::NoPartition {
                partition: p,
                count: self.parts,
            });
        }
        Ok(p as usize)
    }

    /// A round of batches was handed over: unkeyed records go to the next partition that
    /// can take them (or simply the next one, when none can: keyed records wait the same).
    pub(super) fn next_round(&mut self) {
        let next = |i: i32| (self.sticky + 1 + i) % self.parts;
        self.sticky = match &self.avail {
            Some(ok) => (0..self.parts)
                .map(next)
                .find(|&p| ok(p))
                .unwrap_or_else(|| next(0)),
            None => next(0),
        };
    }
}

/// A random number below `n`, from std's per-process random hash keys: enough to spread
/// unkeyed batches of separate runs over partitions.
fn random_below(n: usize) -> i32 {
    use std::hash::{BuildHasher, Hasher};
    let h = std::collections::hash_map::RandomState::new()
        .build_hasher()
        .finish();
    (h % n.max(1) as u64) as i32
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unkeyed_rounds_pass_over_unavailable_partitions() {
        let mut pl = Placement::new(3);
        pl.sticky = 0;
        pl.steer(Some(std::sync::Arc::new(|p| p != 1)));
        let mut seen = Vec::new();
        for _ in 0..4 {
            pl.next_round();
            seen.push(pl.place(None, None).unwrap());
        }
        assert_eq!(seen, [2, 0, 2, 0]);
        // None available: round robin as before, rather than stalling on one partition.
        pl.steer(Some(std::sync::Arc::new(|_| false)));
        pl.next_round();
        assert_eq!(pl.place(None, None).unwrap(), 1);
    }

    #[test]
    fn named_beats_key_beats_sticky() {
        let mut pl = Placement::new(4);
        pl.sticky = 2;
        assert_eq!(pl.place(Some(1), Some(b"foobar")).ok(), Some(1));
        let by_key = partition_for_key(b"foobar", 4) as usize;
        assert_eq!(pl.place(None, Some(b"foobar")).ok(), Some(by_key));
        assert_eq!(pl.place(None, None).ok(), Some(2));
        pl.next_round();
        pl.next_round();
        assert_eq!(pl.place(None, None).ok(), Some(0));
    }

    #[test]
    fn a_partition_out_of_range_is_invalid() {
        let pl = Placement::new(3);
        for p in [-1, 3] {
            assert!(matches!(
                pl.place(Some(p), None),
                Err(Invalid::NoPartition { partition, count: 3 }) if partition == p
            ));
        }
    }
}
