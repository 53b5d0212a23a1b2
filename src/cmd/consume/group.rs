//! `consume -g`: the group run. Joins the group, waits for partitions when every one is
//! held, starts at committed offsets (or `--reset`), takes over partitions freed while
//! following (or given in a rebalance), gives partitions back when a rebalance takes them
//! (committing first), and commits only offsets whose records reached stdout.

use std::collections::HashMap;
use std::io::Write;
use std::time::{Duration, Instant};

use super::pump::pump;
use super::{GROUP_FETCH_BYTES, Output, Part, open_part};
use crate::broker::Broker;
use crate::cli::Reset;
use crate::error::{Error, Result};
use crate::parse::offset::{OffsetSpec, Pos};
use crate::stdout::{Sink, sync_stdout};

/// A `consume -g` run: owns partitions through the broker's group membership, starts at the
/// committed offsets and commits what it has written.
pub(super) struct GroupRun<'a> {
    pub(super) broker: &'a dyn Broker,
    pub(super) group: &'a str,
    pub(super) spec: Option<OffsetSpec>,
    pub(super) reset: Reset,
    pub(super) follow: bool,
    pub(super) commit: bool,
    pub(super) interval: Duration,
    /// read_committed: never read (and so never commit) past the last stable offset.
    pub(super) committed: bool,
}

/// A partition this run read before a rebalance took it away.
struct Again {
    /// Where reading stopped, when it came straight back.
    next: Option<i64>,
    stop: Option<i64>,
}

/// How often a waiting member (or a following one) looks for partitions to take.
const CLAIM_EVERY: Duration = Duration::from_millis(200);

impl GroupRun<'_> {
    pub(super) fn run(
        &self,
        wanted: &[(String, Vec<i32>)],
        output: &Output,
        count: Option<u64>,
        wait: bool,
        out: &mut dyn Sink,
    ) -> Result<()> {
        let mut member = match self.broker.join(self.group, wanted) {
            Ok(m) => m,
            // Stopped (SIGINT/SIGTERM) while joining: the member left; nothing was read.
            Err(_) if crate::cmd::stop_requested() => return Ok(()),
            Err(e) => return Err(e),
        };
        if member.owned().is_empty() {
            if !wait {
                return Err(Error::GroupBusy(self.group.to_string()));
            }
            crate::progress::eprint_line(format_args!(
                "kaf: group '{}': every partition is held by another member; waiting",
                self.group
            ));
            while member.claim_more()?.is_empty() {
                // Nothing is read yet, so anything taken back is given at once.
                if !member.revoked().is_empty() {
                    member.released();
                }
                if crate::cmd::stop_requested() {
                    return Ok(());
                }
                std::thread::sleep(CLAIM_EVERY);
            }
        }
        // Read offsets only now: the member we waited for committed before letting go.
        let mut parts = Vec::new();
        for (t, p) in member.owned() {
            parts.push(self.open(&t, p, None)?);
        }
        let mut last_commit = Instant::now();
        let mut last_claim = Instant::now();
        let mut committed: Vec<(String, i32, i64)> = Vec::new();
        // Where partitions given back in a rebalance were (next offset, stop offset),
        // should they come back.
        let mut stops: HashMap<(String, i32), (i64, Option<i64>)> = HashMap::new();
        let mut was_rebalancing = false;
        let mut progress = |parts: &mut Vec<Part>, out: &mut dyn Write| -> Result<bool> {
            let gone = member.revoked();
            if !gone.is_empty() {
                // A rebalance takes these away: everything written so far is committed
                // before another member may start reading them.
                self.commit(parts, out, &mut committed)?;
                // A coordinator may refuse commits during a rebalance (the commit then
                // warns and goes on): send these offsets again with the next commit.
                committed.clear();
                for p in parts.iter() {
                    if gone.contains(&(p.topic.clone(), p.partition)) {
                        stops.insert((p.topic.clone(), p.partition), (p.next, p.stop));
                    }
                }
                parts.retain(|p| !gone.contains(&(p.topic.clone(), p.partition)));
                member.released();
                last_claim = Instant::now() - CLAIM_EVERY * 5;
            }
            // Right after a rebalance, new partitions are taken at once.
            let settled = std::mem::replace(&mut was_rebalancing, member.rebalancing());
            if settled || last_claim.elapsed() >= CLAIM_EVERY * 5 {
                last_claim = Instant::now();
                for (t, p) in member.claim_more()? {
                    let tp = (t.clone(), p);
                    let again = stops.remove(&tp).map(|(next, stop)| Again {
                        next: member.continues(&tp).then_some(next),
                        stop,
                    });
                    parts.push(self.open(&t, p, again)?);
                }
            }
            if last_commit.elapsed() >= self.interval {
                // Periodic: put off while the group rebalances, so that reading goes on.
                self.commit_with_mode(parts, &[], out, &mut committed, Mode::MayDefer)?;
                last_commit = Instant::now();
            }
            Ok(was_rebalancing)
        };
        // Smaller fetches let commits keep up with --commit-interval on slow outputs.
        pump(
            &mut parts,
            output,
            count,
            self.follow,
            GROUP_FETCH_BYTES,
            out,
            &mut progress,
        )?;
        // Partitions handed straight back by a rebalance but not claimed again yet: their
        // place is known, and the commit made when they were given back may have been
        // refused.
        let mut back = Vec::new();
        for tp in member.claim_more()? {
            if let Some((next, _)) = stops.get(&tp)
                && member.continues(&tp)
            {
                back.push((tp.0, tp.1, *next));
            }
        }
        self.commit_with(&parts, &back, out, &mut committed)
    }

    /// Opens a partition the member got; `again` when it is one this run read before a
    /// rebalance took it away: it goes on where it stopped if it came straight back, else
    /// from the committed offset, and stops where it would have.
    fn open(&self, t: &str, p: i32, again: Option<Again>) -> Result<Part> {
        let mut stored = match self.broker.group_offsets(self.group) {
            Ok(o) => o.get(t).and_then(|m| m.get(&p)).copied(),
            Err(Error::GroupNotFound(_)) => None,
            Err(e) => return Err(e),
        };
        // A committed offset outside the log (e.g. the topic was recreated) is out of range:
        // reset by the group's policy, as Kafka's consumers do, instead of clamping to the end.
        if let (None, Some(off)) = (self.spec, stored) {
            let mut f = self.broker.fetcher(t, p)?;
            let (start, end) = (f.start_offset()?, f.end_offset()?);
            if off < start || off > end {
                crate::progress::eprint_line(format_args!(
                    "kaf: group '{}': committed offset {off} of {t}/{p} is outside the log ({start}..{end}); resetting to the {} offset (--reset)",
                    self.group,
                    if self.reset == Reset::Earliest {
                        "earliest"
                    } else {
                        "latest"
                    }
                ));
                stored = None;
            }
        }
        let from_group = OffsetSpec {
            start: match (stored, self.reset) {
                (Some(_), _) => Pos::Stored,
                (None, Reset::Earliest) => Pos::Beginning,
                (None, Reset::Latest) => Pos::End,
            },
            stop: None,
        };
        let spec = match again {
            Some(Again {
                next: Some(next), ..
            }) => OffsetSpec {
                start: Pos::Absolute(next),
                stop: None,
            },
            Some(_) => from_group,
            None => self.spec.unwrap_or(from_group),
        };
        let mut part = open_part(
            self.broker,
            t,
            p,
            &spec,
            self.follow,
            stored,
            self.committed,
        )?;
        if let Some(a) = again {
            part.stop = a.stop;
        }
        Ok(part)
    }

    /// Flushes stdout (and fsyncs it when it is a file), then commits each partition's next
    /// offset: only records that reached stdout are ever committed.
    fn commit(
        &self,
        parts: &[Part],
        out: &mut dyn Write,
        committed: &mut Vec<(String, i32, i64)>,
    ) -> Result<()> {
        self.commit_with(parts, &[], out, committed)
    }

    /// `commit`, with `extra` offsets of partitions not being read now.
    fn commit_with(
        &self,
        parts: &[Part],
        extra: &[(String, i32, i64)],
        out: &mut dyn Write,
        committed: &mut Vec<(String, i32, i64)>,
    ) -> Result<()> {
        self.commit_with_mode(parts, extra, out, committed, Mode::Wait)
    }

    fn commit_with_mode(
        &self,
        parts: &[Part],
        extra: &[(String, i32, i64)],
        out: &mut dyn Write,
        committed: &mut Vec<(String, i32, i64)>,
        mode: Mode,
    ) -> Result<()> {
        out.flush().map_err(|e| Error::io("write stdout", e))?;
        if !self.commit {
            return Ok(());
        }
        let mut now: Vec<(String, i32, i64)> = parts
            .iter()
            .map(|p| (p.topic.clone(), p.partition, p.next))
            .collect();
        now.extend(extra.iter().cloned());
        if now == *committed {
            return Ok(());
        }
        sync_stdout()?;
        let done = match mode {
            Mode::Wait => self.broker.commit(self.group, &now).map(|()| true)?,
            Mode::MayDefer => self.broker.try_commit(self.group, &now)?,
        };
        if done {
            *committed = now;
        }
        Ok(())
    }
}

/// Whether a commit waits out a rebalance (before partitions are given back, and at the end)
/// or may be put off to the next one (periodic commits).
#[derive(Clone, Copy)]
enum Mode {
    Wait,
    MayDefer,
}
