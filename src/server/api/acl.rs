//! ACLs: the authorization check handlers call (`topic_denied`, `group_denied`,
//! `cluster_denied`), and CreateAcls / DescribeAcls / DeleteAcls over the bindings kept in
//! `security/acls.json` (and in memory in `Server`).
//!
//! The rule is Kafka's StandardAuthorizer with `allow.everyone.if.no.acl.found=false`: with
//! `--acl`, a principal may do an operation on a resource only if it is a super user, or an
//! ALLOW binding matches and no DENY binding does. A binding matches by resource (LITERAL
//! name, the `*` wildcard, or PREFIXED), principal (or `User:*`), host (or `*`) and
//! operation (ALL; READ, WRITE, DELETE and ALTER imply DESCRIBE; ALTER_CONFIGS implies
//! DESCRIBE_CONFIGS). Without `--acl` everything is allowed and the ACL APIs answer
//! SECURITY_DISABLED, as Kafka without an authorizer.

use kafka_protocol::messages::create_acls_response::AclCreationResult;
use kafka_protocol::messages::delete_acls_response::{
    DeleteAclsFilterResult, DeleteAclsMatchingAcl,
};
use kafka_protocol::messages::describe_acls_response::{AclDescription, DescribeAclsResource};
use kafka_protocol::messages::*;

use super::{Call, Reply, s};
use crate::kafka_error::ErrorCode;
use crate::store::security::AclBinding;

/// Kafka's `AclOperation`, by wire code.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Op {
    Read,
    Write,
    Create,
    Delete,
    Alter,
    Describe,
    DescribeConfigs,
    AlterConfigs,
    IdempotentWrite,
}

const OPERATIONS: &[(i8, &str)] = &[
    (1, "ANY"),
    (2, "ALL"),
    (3, "READ"),
    (4, "WRITE"),
    (5, "CREATE"),
    (6, "DELETE"),
    (7, "ALTER"),
    (8, "DESCRIBE"),
    (9, "CLUSTER_ACTION"),
    (10, "DESCRIBE_CONFIGS"),
    (11, "ALTER_CONFIGS"),
    (12, "IDEMPOTENT_WRITE"),
    (13, "CREATE_TOKENS"),
    (14, "DESCRIBE_TOKENS"),
];
const RESOURCE_TYPES: &[(i8, &str)] = &[
    (1, "ANY"),
    (2, "TOPIC"),
    (3, "GROUP"),
    (4, "CLUSTER"),
    (5, "TRANSACTIONAL_ID"),
    (6, "DELEGATION_TOKEN"),
    (7, "USER"),
];
const PATTERN_TYPES: &[(i8, &str)] = &[(1, "ANY"), (2, "MATCH"), (3, "LITERAL"), (4, "PREFIXED")];
const PERMISSIONS: &[(i8, &str)] = &[(1, "ANY"), (2, "DENY"), (3, "ALLOW")];

fn name_of(table: &[(i8, &'static str)], code: i8) -> Option<&'static str> {
    table.iter().find(|(c, _)| *c == code).map(|(_, n)| *n)
}

fn code_of(table: &[(i8, &str)], name: &str) -> i8 {
    table
        .iter()
        .find(|(_, n)| *n == name)
        .map_or(0, |(c, _)| *c)
}

impl Op {
    fn name(self) -> &'static str {
        match self {
            Op::Read => "READ",
            Op::Write => "WRITE",
            Op::Create => "CREATE",
            Op::Delete => "DELETE",
            Op::Alter => "ALTER",
            Op::Describe => "DESCRIBE",
            Op::DescribeConfigs => "DESCRIBE_CONFIGS",
            Op::AlterConfigs => "ALTER_CONFIGS",
            Op::IdempotentWrite => "IDEMPOTENT_WRITE",
        }
    }

    /// Whether a binding for operation `granted` covers this one (Kafka's implied ops).
    fn covered_by(self, granted: &str, allow: bool) -> bool {
        if granted == "ALL" || granted == self.name() {
            return true;
        }
        // Implications only widen ALLOW bindings; a DENY covers exactly what it names.
        allow
            && match self {
                Op::Describe => matches!(granted, "READ" | "WRITE" | "DELETE" | "ALTER"),
                Op::DescribeConfigs => granted == "ALTER_CONFIGS",
                _ => false,
            }
    }
}

fn principal(call: &Call<'_>) -> String {
    if call.session.principal.is_empty() {
        "User:ANONYMOUS".into()
    } else {
        call.session.principal.clone()
    }
}

/// Whether `call`'s principal may do `op` on the resource.
pub(crate) fn allowed(call: &Call<'_>, rtype: &str, name: &str, op: Op) -> bool {
    let auth = &call.server.config.authorizer;
    if !auth.enabled {
        return true;
    }
    let who = principal(call);
    if auth.super_users.contains(&who) {
        return true;
    }
    let host = &call.session.peer;
    let acls = call.server.acls();
    let matching = |b: &&AclBinding| {
        b.resource_type == rtype
            && match b.pattern_type.as_str() {
                "LITERAL" => b.resource_name == name || b.resource_name == "*",
                "PREFIXED" => name.starts_with(&b.resource_name),
                _ => false,
            }
            && (b.principal == who || b.principal == "User:*")
            && (b.host == *host || b.host == "*")
    };
    let mut allow = false;
    for b in acls.iter().filter(matching) {
        let is_allow = b.permission == "ALLOW";
        if op.covered_by(&b.operation, is_allow) {
            if !is_allow {
                return false;
            }
            allow = true;
        }
    }
    allow
}

/// Whether some ALLOW binding lets the principal WRITE to some topic (Kafka's
/// `authorizeByResourceType`, simplified: DENY bindings on single topics do not count
/// against it, as in Kafka only a DENY on every topic would).
pub(crate) fn may_write_some_topic(call: &Call<'_>) -> bool {
    let auth = &call.server.config.authorizer;
    if !auth.enabled {
        return true;
    }
    let who = principal(call);
    if auth.super_users.contains(&who) {
        return true;
    }
    call.server.acls().iter().any(|b| {
        b.resource_type == "TOPIC"
            && b.permission == "ALLOW"
            && matches!(b.operation.as_str(), "WRITE" | "ALL")
            && (b.principal == who || b.principal == "User:*")
            && (b.host == call.session.peer || b.host == "*")
    })
}

pub(crate) fn topic_denied(call: &Call<'_>, topic: &str, op: Op) -> bool {
    !allowed(call, "TOPIC", topic, op)
}

pub(crate) fn group_denied(call: &Call<'_>, group: &str, op: Op) -> bool {
    !allowed(call, "GROUP", group, op)
}

/// CLUSTER_AUTHORIZATION_FAILED when the principal may not do `op` on the cluster.
pub(crate) fn cluster_denied(call: &Call<'_>, op: Op) -> Option<ErrorCode> {
    (!allowed(call, "CLUSTER", "kafka-cluster", op))
        .then_some(ErrorCode::CLUSTER_AUTHORIZATION_FAILED)
}

/// For a config resource (DescribeConfigs, AlterConfigs): TOPIC_AUTHORIZATION_FAILED or
/// CLUSTER_AUTHORIZATION_FAILED when `op` on it is denied (type 2 a topic, 4 a broker).
pub(crate) fn config_denied(call: &Call<'_>, rtype: i8, name: &str, op: Op) -> Option<ErrorCode> {
    match rtype {
        2 => topic_denied(call, name, op).then_some(ErrorCode::TOPIC_AUTHORIZATION_FAILED),
        4 => cluster_denied(call, op),
        _ => None,
    }
}

const NO_AUTHORIZER: &str = "No Authorizer is configured.";

/// A filter (DescribeAcls, DeleteAcls) over bindings, Kafka's `AclBindingFilter` rules.
struct Filter {
    rtype: i8,
    name: Option<String>,
    pattern: i8,
    principal: Option<String>,
    host: Option<String>,
    op: i8,
    perm: i8,
}

impl Filter {
    fn matches(&self, b: &AclBinding) -> bool {
        let rtype = code_of(RESOURCE_TYPES, &b.resource_type);
        let pattern = code_of(PATTERN_TYPES, &b.pattern_type);
        let name_ok = match (self.pattern, &self.name) {
            (_, None) => true,
            // MATCH: bindings that would apply to this name.
            (2, Some(n)) => match b.pattern_type.as_str() {
                "LITERAL" => b.resource_name == *n || b.resource_name == "*",
                "PREFIXED" => n.starts_with(&b.resource_name),
                _ => false,
            },
            (_, Some(n)) => b.resource_name == *n,
        };
        (self.rtype == 1 || self.rtype == rtype)
            && (matches!(self.pattern, 1 | 2) || self.pattern == pattern)
            && name_ok
            && self.principal.as_ref().is_none_or(|p| *p == b.principal)
            && self.host.as_ref().is_none_or(|h| *h == b.host)
            && (self.op == 1 || self.op == code_of(OPERATIONS, &b.operation))
            && (self.perm == 1 || self.perm == code_of(PERMISSIONS, &b.permission))
    }
}

pub(super) fn create_acls(call: &mut Call<'_>, req: CreateAclsRequest) -> Reply {
    let n = req.creations.len();
    let all = |code: ErrorCode, msg: &str| {
        (0..n)
            .map(|_| {
                AclCreationResult::default()
                    .with_error_code(code.code())
                    .with_error_message(Some(s(msg)))
            })
            .collect::<Vec<_>>()
    };
    let resp = CreateAclsResponse::default();
    if !call.server.config.authorizer.enabled {
        return call.reply(&resp.with_results(all(ErrorCode::SECURITY_DISABLED, NO_AUTHORIZER)));
    }
    if let Some(e) = cluster_denied(call, Op::Alter) {
        return call.reply(&resp.with_results(all(e, "")));
    }
    let mut results = Vec::with_capacity(n);
    let mut add = Vec::new();
    for c in &req.creations {
        let binding = (|| {
            let rt = name_of(RESOURCE_TYPES, c.resource_type).filter(|n| *n != "ANY")?;
            let pt = name_of(PATTERN_TYPES, c.resource_pattern_type)
                .filter(|n| matches!(*n, "LITERAL" | "PREFIXED"))?;
            let op = name_of(OPERATIONS, c.operation).filter(|n| *n != "ANY")?;
            let perm = name_of(PERMISSIONS, c.permission_type).filter(|n| *n != "ANY")?;
            if !c.principal.contains(':') || c.resource_name.is_empty() {
                return None;
            }
            Some(AclBinding {
                resource_type: rt.into(),
                resource_name: c.resource_name.to_string(),
                pattern_type: pt.into(),
                principal: c.principal.to_string(),
                host: c.host.to_string(),
                operation: op.into(),
                permission: perm.into(),
            })
        })();
        match binding {
            Some(b) => {
                add.push(b);
                results.push(AclCreationResult::default());
            }
            None => results.push(
                AclCreationResult::default()
                    .with_error_code(ErrorCode::INVALID_REQUEST.code())
                    .with_error_message(Some(s("Invalid ACL creation"))),
            ),
        }
    }
    if let Err(e) = call.server.update_acls(|acls| acls.extend(add)) {
        return call
            .reply(&resp.with_results(all(ErrorCode::UNKNOWN_SERVER_ERROR, &e.to_string())));
    }
    call.reply(&resp.with_results(results))
}

pub(super) fn describe_acls(call: &mut Call<'_>, req: DescribeAclsRequest) -> Reply {
    let resp = DescribeAclsResponse::default();
    if !call.server.config.authorizer.enabled {
        return call.reply(
            &resp
                .with_error_code(ErrorCode::SECURITY_DISABLED.code())
                .with_error_message(Some(s(NO_AUTHORIZER))),
        );
    }
    if let Some(e) = cluster_denied(call, Op::Describe) {
        return call.reply(&resp.with_error_code(e.code()));
    }
    let f = Filter {
        rtype: req.resource_type_filter,
        name: req.resource_name_filter.map(|n| n.to_string()),
        pattern: req.pattern_type_filter,
        principal: req.principal_filter.map(|n| n.to_string()),
        host: req.host_filter.map(|n| n.to_string()),
        op: req.operation,
        perm: req.permission_type,
    };
    let mut resources: Vec<DescribeAclsResource> = Vec::new();
    for b in call.server.acls().iter().filter(|b| f.matches(b)) {
        let rt = code_of(RESOURCE_TYPES, &b.resource_type);
        let pt = code_of(PATTERN_TYPES, &b.pattern_type);
        let d = AclDescription::default()
            .with_principal(s(&b.principal))
            .with_host(s(&b.host))
            .with_operation(code_of(OPERATIONS, &b.operation))
            .with_permission_type(code_of(PERMISSIONS, &b.permission));
        match resources.iter_mut().find(|r| {
            r.resource_type == rt
                && r.pattern_type == pt
                && r.resource_name.as_str() == b.resource_name
        }) {
            Some(r) => r.acls.push(d),
            None => resources.push(
                DescribeAclsResource::default()
                    .with_resource_type(rt)
                    .with_resource_name(s(&b.resource_name))
                    .with_pattern_type(pt)
                    .with_acls(vec![d]),
            ),
        }
    }
    call.reply(&resp.with_resources(resources))
}

pub(super) fn delete_acls(call: &mut Call<'_>, req: DeleteAclsRequest) -> Reply {
    let n = req.filters.len();
    let all = |code: ErrorCode, msg: &str| {
        (0..n)
            .map(|_| {
                DeleteAclsFilterResult::default()
                    .with_error_code(code.code())
                    .with_error_message((!msg.is_empty()).then(|| s(msg)))
            })
            .collect::<Vec<_>>()
    };
    let resp = DeleteAclsResponse::default();
    if !call.server.config.authorizer.enabled {
        return call
            .reply(&resp.with_filter_results(all(ErrorCode::SECURITY_DISABLED, NO_AUTHORIZER)));
    }
    if let Some(e) = cluster_denied(call, Op::Alter) {
        return call.reply(&resp.with_filter_results(all(e, "")));
    }
    let filters: Vec<Filter> = req
        .filters
        .iter()
        .map(|f| Filter {
            rtype: f.resource_type_filter,
            name: f.resource_name_filter.as_ref().map(|n| n.to_string()),
            pattern: f.pattern_type_filter,
            principal: f.principal_filter.as_ref().map(|n| n.to_string()),
            host: f.host_filter.as_ref().map(|n| n.to_string()),
            op: f.operation,
            perm: f.permission_type,
        })
        .collect();
    let removed = call.server.update_acls(|acls| {
        let mut per_filter: Vec<Vec<AclBinding>> = vec![Vec::new(); filters.len()];
        acls.retain(|b| {
            let mut hit = false;
            for (i, f) in filters.iter().enumerate() {
                if f.matches(b) {
                    per_filter[i].push(b.clone());
                    hit = true;
                }
            }
            !hit
        });
        per_filter
    });
    let per_filter = match removed {
        Ok(p) => p,
        Err(e) => {
            return call.reply(
                &resp.with_filter_results(all(ErrorCode::UNKNOWN_SERVER_ERROR, &e.to_string())),
            );
        }
    };
    let results = per_filter
        .into_iter()
        .map(|bs| {
            DeleteAclsFilterResult::default().with_matching_acls(
                bs.iter()
                    .map(|b| {
                        DeleteAclsMatchingAcl::default()
                            .with_resource_type(code_of(RESOURCE_TYPES, &b.resource_type))
                            .with_resource_name(s(&b.resource_name))
                            .with_pattern_type(code_of(PATTERN_TYPES, &b.pattern_type))
                            .with_principal(s(&b.principal))
                            .with_host(s(&b.host))
                            .with_operation(code_of(OPERATIONS, &b.operation))
                            .with_permission_type(code_of(PERMISSIONS, &b.permission))
                    })
                    .collect(),
            )
        })
        .collect();
    call.reply(&resp.with_filter_results(results))
}
