//! `kaf completions SHELL`: clap's static script plus shell-side lookups of topic, group,
//! schema subject and cluster names (`kaf topics list --no-headers`, `kaf groups list
//! --no-headers`, `kaf schemas list --no-headers`, `kaf config list --no-headers`) where a
//! name is expected; topics, groups and subjects are looked up where the
//! command line being completed points (`--dir`, `-b`, `-C`).

use std::io::Write;

use clap::CommandFactory;
use clap_complete::Shell;

use crate::cli::{Cli, CompletionsArgs};
use crate::error::{Error, Result};

pub fn run(a: CompletionsArgs) -> Result<()> {
    let script = script(a.shell);
    let mut out = std::io::stdout().lock();
    // Rendered into a buffer first: clap_complete panics when stdout closes under it.
    out.write_all(script.as_bytes())
        .and_then(|_| out.flush())
        .map_err(|e| Error::io("write stdout", e))
}

/// The whole completion script for `shell`, as checked into `completions/`.
pub fn script(shell: Shell) -> String {
    let mut buf = Vec::new();
    clap_complete::generate(shell, &mut Cli::command(), "kaf", &mut buf);
    let base = String::from_utf8(buf).expect("clap_complete writes UTF-8");
    match shell {
        Shell::Bash => format!("{base}{BASH_NAMES}"),
        Shell::Zsh => zsh(&base),
        Shell::Fish => format!("{base}{FISH_NAMES}"),
        _ => base,
    }
}

/// Wraps clap's `_kaf` so that names are offered where a topic or group is expected, then
/// falls back to clap's completion for flags and subcommands.
const BASH_NAMES: &str = r#"
# Topic and group names, looked up where the command being completed looks: its --dir, the
# brokers its -b names (with its -X settings), the cluster profile its -C names.
_kaf_names() {
    local where=() i
    for ((i = 1; i < COMP_CWORD; i++)); do
        case "${COMP_WORDS[i]}" in
            --dir) where+=(--dir "${COMP_WORDS[i+1]}") ;;
            -b|--brokers|--bootstrap-server|--broker-list) where+=(-b "${COMP_WORDS[i+1]}") ;;
            -C|--cluster) where+=(-C "${COMP_WORDS[i+1]}") ;;
            -X|--client-config) where+=(-X "${COMP_WORDS[i+1]}") ;;
        esac
    done
    if [[ "$1" == topics ]]; then
        kaf "${where[@]}" topics list --no-headers 2>/dev/null
    elif [[ "$1" == schemas ]]; then
        kaf "${where[@]}" schemas list --no-headers 2>/dev/null
    else
        kaf "${where[@]}" groups list --no-headers 2>/dev/null
    fi
}

_kaf_with_names() {
    local cur="${COMP_WORDS[COMP_CWORD]}" prev="${COMP_WORDS[COMP_CWORD-1]}"
    local sub="" sub2="" w i
    for ((i = 1; i < COMP_CWORD; i++)); do
        w="${COMP_WORDS[i]}"
        case "$w" in
            --dir|-b|--brokers|--bootstrap-server|--broker-list|-X|-C|--cluster) ((i++)) ;;
            -*) ;;
            *) if [[ -z "$sub" ]]; then sub="$w"; elif [[ -z "$sub2" ]]; then sub2="$w"; fi ;;
        esac
    done
    if [[ "$cur" != -* ]]; then
        case "$prev" in
            -g|--group)
                COMPREPLY=($(compgen -W "$(_kaf_names groups)" -- "$cur")); return 0 ;;
            --topic)
                COMPREPLY=($(compgen -W "$(_kaf_names topics)" -- "$cur")); return 0 ;;
            -C|--cluster)
                COMPREPLY=($(compgen -W "$(kaf config list --no-headers 2>/dev/null)" -- "$cur")); return 0 ;;
        esac
        case "$sub" in
            produce|consume|offsets)
                if [[ "$prev" == "$sub" || "$sub" == consume ]] && [[ "$prev" != -* ]]; then
                    COMPREPLY=($(compgen -W "$(_kaf_names topics)" -- "$cur")); return 0
                fi ;;
            topics|topic)
                if [[ "$sub2" =~ ^(describe|delete|alter|add-partitions)$ ]] && [[ "$prev" == "$sub2" ]]; then
                    COMPREPLY=($(compgen -W "$(_kaf_names topics)" -- "$cur")); return 0
                fi ;;
            config)
                if [[ "$sub2" =~ ^(use|remove|rm)$ ]] && [[ "$prev" == "$sub2" ]]; then
                    COMPREPLY=($(compgen -W "$(kaf config list --no-headers 2>/dev/null)" -- "$cur")); return 0
                fi ;;
            schemas|schema)
                if [[ "$sub2" =~ ^(register|get|delete|compat|config)$ ]] && [[ "$prev" == "$sub2" ]]; then
                    COMPREPLY=($(compgen -W "$(_kaf_names schemas)" -- "$cur")); return 0
                fi ;;
            groups|group)
                case "$sub2" in
                    describe|delete|reset-offsets|delete-offsets)
                        if [[ "$prev" == "$sub2" ]]; then
                            COMPREPLY=($(compgen -W "$(_kaf_names groups)" -- "$cur")); return 0
                        fi ;;
                esac ;;
        esac
    fi
    _kaf "$@"
}

if [[ "${BASH_VERSINFO[0]}" -eq 4 && "${BASH_VERSINFO[1]}" -ge 4 || "${BASH_VERSINFO[0]}" -gt 4 ]]; then
    complete -F _kaf_with_names -o nosort -o bashdefault -o default kaf
else
    complete -F _kaf_with_names -o bashdefault -o default kaf
fi
"#;

const FISH_NAMES: &str = r#"
# Topic and group names, looked up where the command being completed looks: its --dir, the
# brokers its -b names (with its -X settings), the cluster profile its -C names.
function __kaf_names
    set -l words (commandline -opc)
    set -l where
    for i in (seq (count $words))
        if contains -- $words[$i] --dir -b --brokers --bootstrap-server --broker-list -C --cluster -X --client-config
            set -l next (math $i + 1)
            if test $next -le (count $words)
                set -a where $words[$i] $words[$next]
            end
        end
    end
    kaf $where $argv list --no-headers 2>/dev/null
end
complete -c kaf -n "__fish_seen_subcommand_from produce consume offsets; and not __fish_seen_subcommand_from topics groups" -f -a "(__kaf_names topics)"
complete -c kaf -n "__fish_seen_subcommand_from describe delete alter add-partitions; and __fish_seen_subcommand_from topics topic" -f -a "(__kaf_names topics)"
complete -c kaf -n "__fish_seen_subcommand_from describe delete reset-offsets delete-offsets; and __fish_seen_subcommand_from groups group" -f -a "(__kaf_names groups)"
complete -c kaf -n "__fish_seen_subcommand_from register get delete compat config; and __fish_seen_subcommand_from schemas schema" -f -a "(__kaf_names schemas)"
complete -c kaf -l group -s g -f -a "(__kaf_names groups)"
complete -c kaf -l cluster -s C -f -a "(kaf config list --no-headers 2>/dev/null)"
complete -c kaf -n "__fish_seen_subcommand_from config; and __fish_seen_subcommand_from use remove rm" -f -a "(kaf config list --no-headers 2>/dev/null)"
"#;

/// Points clap's zsh value completions for TOPIC and GROUP at name lookups.
fn zsh(base: &str) -> String {
    let mut out = String::with_capacity(base.len() + 512);
    for line in base.lines() {
        let l = if line.contains(":TOPIC:_default")
            || line.contains("::topic -- Topic name:_default")
            || line.contains(":topic -- Topic name:_default")
            || line.contains("topics -- Topics to read:_default")
        {
            line.replace(":_default", ":_kaf_topics")
        } else if line.contains("::args -- The topic, then files") {
            line.replace(":_default", ":_kaf_topic_or_file")
        } else if line.contains(":GROUP:_default") || line.contains("group -- Group name:_default")
        {
            line.replace(":_default", ":_kaf_groups")
        } else if line.contains(":SUBJECT:_default")
            || line.contains("':subject:_default'")
            || line.contains("'::subject:_default'")
        {
            line.replace(":_default", ":_kaf_subjects")
        } else if line.contains(":CLUSTER:_default")
            || line.contains("name -- The cluster:_default")
        {
            line.replace(":_default", ":_kaf_clusters")
        } else {
            line.to_string()
        };
        out.push_str(&l);
        out.push('\n');
    }
    let helpers = r#"
(( $+functions[_kaf_where] )) ||
_kaf_where() {
    # Where the command line being completed looks: its --dir, the brokers its -b names
    # (with its -X settings), the cluster profile its -C names.
    local -a w; local i
    w=(${(z)BUFFER})
    reply=()
    for ((i = 1; i < ${#w}; i++)); do
        case ${w[i]} in
            (--dir|-b|--brokers|--bootstrap-server|--broker-list|-C|--cluster|-X|--client-config) reply+=(${w[i]} ${(Q)w[i+1]}) ;;
        esac
    done
}
(( $+functions[_kaf_topics] )) ||
_kaf_topics() {
    local -a names reply
    _kaf_where
    names=(${(f)"$(kaf $reply topics list --no-headers 2>/dev/null)"})
    _describe -t topics 'topic' names
}
(( $+functions[_kaf_topic_or_file] )) ||
_kaf_topic_or_file() {
    _alternative 'topics:topic:_kaf_topics' 'files:file:_files'
}
(( $+functions[_kaf_clusters] )) ||
_kaf_clusters() {
    local -a names
    names=(${(f)"$(kaf config list --no-headers 2>/dev/null)"})
    _describe -t clusters 'cluster' names
}
(( $+functions[_kaf_subjects] )) ||
_kaf_subjects() {
    local -a names reply
    _kaf_where
    names=(${(f)"$(kaf $reply schemas list --no-headers 2>/dev/null)"})
    _describe -t subjects 'subject' names
}
(( $+functions[_kaf_groups] )) ||
_kaf_groups() {
    local -a names reply
    _kaf_where
    names=(${(f)"$(kaf $reply groups list --no-headers 2>/dev/null)"})
    _describe -t groups 'group' names
}
"#;
    // Helpers must be defined before the script's final dispatch lines.
    match out.rfind("if [ \"$funcstack[1]\" = \"_kaf\" ]; then") {
        Some(at) => {
            out.insert_str(at, helpers.trim_start());
            out
        }
        None => out + helpers,
    }
}
