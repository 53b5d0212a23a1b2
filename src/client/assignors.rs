//! The partition assignors a kaf group member runs when the coordinator makes it the leader:
//! Kafka's standard `range` and `cooperative-sticky` (so that Java and librdkafka consumers
//! can share a group with kaf), and kaf's own `kaf` (owners keep their partitions, newcomers
//! get only free ones: the brokerless groups' behaviour, chosen when every member is kaf).
//! Pure: subscriptions in, assignments out; the wire encodings live in `client::group`.

use std::collections::{BTreeMap, BTreeSet, HashMap};

pub type Tp = (String, i32);

/// The protocol names, as Kafka's clients spell them.
pub const KAF: &str = "kaf";
pub const RANGE: &str = "range";
pub const COOPERATIVE_STICKY: &str = "cooperative-sticky";

/// One member's subscription, as the leader reads it.
#[derive(Clone, Debug, Default)]
pub struct Sub {
    pub member: String,
    pub topics: Vec<String>,
    /// Partitions the member says it owns now (cooperative members keep them while joining).
    pub owned: Vec<Tp>,
    /// The generation `owned` is from (-1: unknown), which settles two claims on a partition.
    pub generation: i32,
    /// kaf's protocol only: the partitions the member reads (`-p`), else every one.
    pub wanted: Option<Vec<Tp>>,
}

/// Member id → its partitions, every member present (possibly with none).
pub type Assignment = BTreeMap<String, Vec<Tp>>;

fn empty(members: &[Sub]) -> Assignment {
    members
        .iter()
        .map(|m| (m.member.clone(), Vec::new()))
        .collect()
}

/// Kafka's RangeAssignor: per topic, its subscribers in member-id order each get a
/// contiguous range; the first `partitions % subscribers` get one more.
pub fn range(members: &[Sub], partitions: &BTreeMap<String, i32>) -> Assignment {
    let mut out = empty(members);
    for (topic, &n) in partitions {
        let mut subs: Vec<&str> = members
            .iter()
            .filter(|m| m.topics.contains(topic))
            .map(|m| m.member.as_str())
            .collect();
        if subs.is_empty() {
            continue;
        }
        subs.sort_unstable();
        let (each, extra) = (n / subs.len() as i32, n % subs.len() as i32);
        for (i, m) in subs.iter().enumerate() {
            let i = i as i32;
            let start = each * i + i.min(extra);
            let len = each + i32::from(i < extra);
            let parts = out.get_mut(*m).expect("every member has an entry");
            parts.extend((start..start + len).map(|p| (topic.clone(), p)));
        }
    }
    out
}

/// Leaves out of this round every partition assigned to one member while another still
/// says it owns it: members that kept their partitions through the JoinGroup (kaf's
/// incremental members) give them back first, and the next round hands them on. Members
/// that rebalance eagerly own nothing when they join, so for them this changes nothing.
pub fn hold_back_owned(members: &[Sub], mut plan: Assignment) -> Assignment {
    let mut owner: HashMap<&Tp, &str> = HashMap::new();
    for m in members {
        for tp in &m.owned {
            owner.insert(tp, &m.member);
        }
    }
    for (member, parts) in plan.iter_mut() {
        parts.retain(|tp| owner.get(tp).is_none_or(|o| *o == member));
    }
    plan
}

/// Kafka's CooperativeStickyAssignor, in its simple form: every member keeps what it owns
/// (a partition claimed by two members goes to the later generation, or to neither), free
/// partitions go to the least loaded subscriber, then partitions move from the most to the
/// least loaded until no two eligible members differ by more than one. A partition that
/// moves away from its owner is left out of this round (the owner revokes it and rejoins;
/// the next round hands it over), so no partition is ever owned twice.
pub fn cooperative_sticky(members: &[Sub], partitions: &BTreeMap<String, i32>) -> Assignment {
    let exists = |tp: &Tp| {
        partitions
            .get(&tp.0)
            .is_some_and(|&n| tp.1 >= 0 && tp.1 < n)
    };
    let eligible = |m: &Sub, tp: &Tp| m.topics.contains(&tp.0);
    // Who owns what: the highest generation's claim; a tie at the top means nobody.
    let mut claims: HashMap<Tp, Vec<(i32, usize)>> = HashMap::new();
    for (i, m) in members.iter().enumerate() {
        for tp in m.owned.iter().filter(|tp| exists(tp) && eligible(m, tp)) {
            claims
                .entry(tp.clone())
                .or_default()
                .push((m.generation, i));
        }
    }
    let mut owner: HashMap<Tp, usize> = HashMap::new();
    for (tp, mut c) in claims {
        c.sort_unstable_by_key(|a| std::cmp::Reverse(a.0));
        if c.len() == 1 || c[0].0 > c[1].0 {
            owner.insert(tp, c[0].1);
        }
    }
    let mut held: Vec<BTreeSet<Tp>> = vec![BTreeSet::new(); members.len()];
    for (tp, &i) in &owner {
        held[i].insert(tp.clone());
    }
    let all: Vec<Tp> = partitions
        .iter()
        .flat_map(|(t, &n)| (0..n).map(move |p| (t.clone(), p)))
        .collect();
    // Free partitions to the least loaded subscriber (ties: member order).
    for tp in all.iter().filter(|tp| !owner.contains_key(*tp)) {
        let best = (0..members.len())
            .filter(|&i| eligible(&members[i], tp))
            .min_by_key(|&i| (held[i].len(), &members[i].member));
        if let Some(i) = best {
            held[i].insert(tp.clone());
        }
    }
    // Balance: move one partition at a time from a member to an eligible one holding at
    // least two fewer; each move strictly lowers the spread, so this ends.
    loop {
        let mut moved = false;
        let mut order: Vec<usize> = (0..members.len()).collect();
        order.sort_by_key(|&i| std::cmp::Reverse(held[i].len()));
        'search: for &from in &order {
            // Partitions that were not owned before move first: they cost no revocation.
            let mut cands: Vec<Tp> = held[from].iter().cloned().collect();
            cands.sort_by_key(|tp| owner.get(tp) == Some(&from));
            for tp in cands {
                let to = (0..members.len())
                    .filter(|&i| i != from && eligible(&members[i], &tp))
                    .filter(|&i| held[i].len() + 1 < held[from].len())
                    .min_by_key(|&i| (held[i].len(), &members[i].member));
                if let Some(to) = to {
                    held[from].remove(&tp);
                    held[to].insert(tp);
                    moved = true;
                    break 'search;
                }
            }
        }
        if !moved {
            break;
        }
    }
    let mut out = empty(members);
    for (i, m) in members.iter().enumerate() {
        let parts = out.get_mut(&m.member).expect("every member has an entry");
        // A partition still owned by another member waits for the next round.
        parts.extend(
            held[i]
                .iter()
                .filter(|tp| owner.get(*tp).is_none_or(|&o| o == i))
                .cloned(),
        );
    }
    out
}

/// kaf's assignor: owned partitions stay with their owner, free ones go to the members that
/// want them, the least loaded first (ties: the earlier member).
pub fn kaf(members: &[Sub], partitions: &BTreeMap<String, i32>) -> Assignment {
    let wanted = |m: &Sub| -> Vec<Tp> {
        let mut w = m.wanted.clone().unwrap_or_else(|| {
            m.topics
                .iter()
                .filter_map(|t| partitions.get(t).map(|&n| (t, n)))
                .flat_map(|(t, n)| (0..n).map(move |p| (t.clone(), p)))
                .collect()
        });
        w.sort();
        w
    };
    let wants: Vec<Vec<Tp>> = members.iter().map(wanted).collect();
    let mut given: HashMap<Tp, usize> = HashMap::new();
    let mut out: Vec<Vec<Tp>> = vec![Vec::new(); members.len()];
    for (i, m) in members.iter().enumerate() {
        for tp in &m.owned {
            if wants[i].contains(tp) && !given.contains_key(tp) {
                given.insert(tp.clone(), i);
                out[i].push(tp.clone());
            }
        }
    }
    let mut free: Vec<Tp> = wants
        .iter()
        .flatten()
        .filter(|tp| !given.contains_key(*tp))
        .cloned()
        .collect();
    free.sort();
    free.dedup();
    for tp in free {
        let best = (0..members.len())
            .filter(|&i| wants[i].contains(&tp))
            .min_by_key(|&i| (out[i].len(), i));
        if let Some(i) = best {
            out[i].push(tp);
        }
    }
    members
        .iter()
        .zip(out)
        .map(|(m, parts)| (m.member.clone(), parts))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sub(id: &str, topics: &[&str], owned: &[(&str, i32)], generation: i32) -> Sub {
        Sub {
            member: id.into(),
            topics: topics.iter().map(|t| t.to_string()).collect(),
            owned: owned.iter().map(|(t, p)| (t.to_string(), *p)).collect(),
            generation,
            wanted: None,
        }
    }

    fn tps(v: &[(&str, i32)]) -> Vec<Tp> {
        v.iter().map(|(t, p)| (t.to_string(), *p)).collect()
    }

    fn parts(n: &[(&str, i32)]) -> BTreeMap<String, i32> {
        n.iter().map(|(t, n)| (t.to_string(), *n)).collect()
    }

    /// Every partition at most once, and (when `complete`) exactly once.
    fn check_once(a: &Assignment, p: &BTreeMap<String, i32>, complete: bool) {
        let mut seen = BTreeSet::new();
        for tp in a.values().flatten() {
            assert!(seen.insert(tp.clone()), "{tp:?} assigned twice: {a:?}");
        }
        if complete {
            let total: i32 = p.values().sum();
            assert_eq!(seen.len(), total as usize, "{a:?}");
        }
    }

    #[test]
    fn range_matches_kafkas_split() {
        // Kafka's RangeAssignor javadoc: t0, t1 with 3 partitions each, C0 and C1.
        let m = [
            sub("C0", &["t0", "t1"], &[], -1),
            sub("C1", &["t0", "t1"], &[], -1),
        ];
        let p = parts(&[("t0", 3), ("t1", 3)]);
        let a = range(&m, &p);
        assert_eq!(a["C0"], tps(&[("t0", 0), ("t0", 1), ("t1", 0), ("t1", 1)]));
        assert_eq!(a["C1"], tps(&[("t0", 2), ("t1", 2)]));
        // Member-id order, not arrival order; more members than partitions.
        let m = [
            sub("c", &["t"], &[], -1),
            sub("a", &["t"], &[], -1),
            sub("b", &["t"], &[], -1),
        ];
        let a = range(&m, &parts(&[("t", 2)]));
        assert_eq!(a["a"], tps(&[("t", 0)]));
        assert_eq!(a["b"], tps(&[("t", 1)]));
        assert!(a["c"].is_empty());
    }

    #[test]
    fn range_holds_back_partitions_another_member_still_owns() {
        let p = parts(&[("t", 4)]);
        let all = [("t", 0), ("t", 1), ("t", 2), ("t", 3)];
        let m = [sub("a", &["t"], &all, 2), sub("b", &["t"], &[], -1)];
        let a = hold_back_owned(&m, range(&m, &p));
        assert_eq!(a["a"], tps(&[("t", 0), ("t", 1)]));
        assert!(a["b"].is_empty(), "{a:?}");
    }

    #[test]
    fn cooperative_sticky_never_hands_an_owned_partition_over_in_one_round() {
        let p = parts(&[("t", 4)]);
        // First member owns everything; a newcomer joins: the owner keeps two, the other
        // two are left out of this round (revoked), nobody gets them yet.
        let all = [("t", 0), ("t", 1), ("t", 2), ("t", 3)];
        let m = [sub("a", &["t"], &all, 3), sub("b", &["t"], &[], -1)];
        let a = cooperative_sticky(&m, &p);
        check_once(&a, &p, false);
        assert_eq!(a["a"].len(), 2, "{a:?}");
        assert!(a["b"].is_empty(), "{a:?}");
        // The next round: a owns two, b gets the other two.
        let kept: Vec<(&str, i32)> = a["a"].iter().map(|(t, p)| (t.as_str(), *p)).collect();
        let m = [sub("a", &["t"], &kept, 4), sub("b", &["t"], &[], 4)];
        let a2 = cooperative_sticky(&m, &p);
        check_once(&a2, &p, true);
        assert_eq!(a2["a"], a["a"]);
        assert_eq!(a2["b"].len(), 2);
        // Fresh group: balanced, complete.
        let m = [
            sub("x", &["t"], &[], -1),
            sub("y", &["t"], &[], -1),
            sub("z", &["t"], &[], -1),
        ];
        let a = cooperative_sticky(&m, &p);
        check_once(&a, &p, true);
        let mut n: Vec<usize> = a.values().map(Vec::len).collect();
        n.sort_unstable();
        assert_eq!(n, vec![1, 1, 2]);
        // Two claims of one partition: the later generation wins.
        let m = [
            sub("a", &["t"], &[("t", 0)], 5),
            sub("b", &["t"], &[("t", 0)], 4),
        ];
        let a = cooperative_sticky(&m, &parts(&[("t", 2)]));
        assert_eq!(a["a"], tps(&[("t", 0)]));
        assert_eq!(a["b"], tps(&[("t", 1)]));
        // Different subscriptions: only subscribers get a topic.
        let m = [sub("a", &["t", "u"], &[], -1), sub("b", &["u"], &[], -1)];
        let p = parts(&[("t", 2), ("u", 2)]);
        let a = cooperative_sticky(&m, &p);
        check_once(&a, &p, true);
        assert!(a["b"].iter().all(|(t, _)| t == "u"), "{a:?}");
    }

    #[test]
    fn kaf_owners_keep_their_partitions_and_free_ones_are_spread() {
        let p = parts(&[("t", 4)]);
        let all = [("t", 0), ("t", 1), ("t", 2), ("t", 3)];
        let a = kaf(&[sub("a", &["t"], &all, 1), sub("b", &["t"], &[], -1)], &p);
        assert_eq!(a["a"].len(), 4);
        assert!(a["b"].is_empty());
        let a = kaf(&[sub("a", &["t"], &[], -1), sub("b", &["t"], &[], -1)], &p);
        assert_eq!(a["a"], tps(&[("t", 0), ("t", 2)]));
        assert_eq!(a["b"], tps(&[("t", 1), ("t", 3)]));
        // Only members that want a partition get it.
        let mut x = sub("a", &["t"], &[], -1);
        x.wanted = Some(tps(&[("t", 0)]));
        let mut y = sub("b", &["t"], &[], -1);
        y.wanted = Some(tps(&[("t", 1)]));
        let a = kaf(&[x, y], &p);
        assert_eq!(a["a"], tps(&[("t", 0)]));
        assert_eq!(a["b"], tps(&[("t", 1)]));
    }
}
