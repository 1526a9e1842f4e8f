//! "Did you mean": the candidate nearest to a mistyped name, used for option names, unit
//! names, enumeration values and column names across the crate.

/// Inputs longer than this get no suggestion: nobody mistypes a 64-character name, and
/// the edit distance costs time and memory proportional to the product of the lengths.
const MAX_SUGGESTION_INPUT: usize = 64;

/// How similar (Jaro-Winkler) a candidate must be to be suggested when no candidate is
/// within the edit-distance limit.
const JARO_WINKLER_THRESHOLD: f64 = 0.88;

/// The candidate nearest to `input`, if one is close enough to be a likely typo.
///
/// Comparison is case-insensitive and uses the Damerau–Levenshtein distance (a swap of
/// two adjacent characters counts as one edit). A candidate qualifies when the distance
/// is at most a third of the input's length (at least 1) and smaller than both lengths,
/// so `x` is never "corrected" to `y`. Among qualifying candidates the nearest wins, and
/// the earliest on a tie. If none qualifies, a candidate whose last dotted segment equals
/// the input (`offset` → `source.offset`) is suggested, when exactly one does. Failing
/// that, the candidate most similar by Jaro-Winkler (at least 0.88, inputs of four
/// characters or more) is suggested: it catches truncations like `event_ts` → `event_time`.
pub(crate) fn did_you_mean<'a>(
    input: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<&'a str> {
    let input = input.trim().to_lowercase();
    let len = input.chars().count();
    if len == 0 || len > MAX_SUGGESTION_INPUT {
        return None;
    }
    let limit = (len.max(3) / 3).max(1);
    let mut best: Option<(usize, &'a str)> = None;
    let mut by_segment: Vec<&'a str> = Vec::new();
    // Jaro-Winkler favours a shared beginning, which catches abbreviations and
    // truncations (`offset` → `offset_id`, `event_ts` → `event_time`) that an edit
    // distance relative to the length misses.
    let mut by_prefix: Option<(f64, &'a str)> = None;
    for candidate in candidates {
        let lower = candidate.to_lowercase();
        let distance = strsim::damerau_levenshtein(&input, &lower);
        let candidate_len = lower.chars().count();
        let close = distance <= limit && distance < len && distance < candidate_len;
        if close && best.is_none_or(|(d, _)| distance < d) {
            best = Some((distance, candidate));
        }
        if lower.contains('.') && lower.rsplit('.').next() == Some(input.as_str()) {
            by_segment.push(candidate);
        }
        let similarity = strsim::jaro_winkler(&input, &lower);
        if len >= 4
            && similarity >= JARO_WINKLER_THRESHOLD
            && by_prefix.is_none_or(|(s, _)| similarity > s)
        {
            by_prefix = Some((similarity, candidate));
        }
    }
    match (best, by_segment.as_slice(), by_prefix) {
        (Some((_, c)), _, _) => Some(c),
        (None, [only], _) => Some(*only),
        (None, _, Some((_, c))) => Some(c),
        _ => None,
    }
}

/// Whether `candidate` is `input` with a typo: at most two edits (ignoring case), and
/// fewer than half the input's length. A suggestion this close may be applied as a fix;
/// a looser one (`at_most_once` → `at_least_once`, `v3` → `v1`) is a different value and
/// stays a hint.
pub(crate) fn is_typo(input: &str, candidate: &str) -> bool {
    let (a, b) = (input.trim().to_lowercase(), candidate.to_lowercase());
    let distance = strsim::damerau_levenshtein(&a, &b);
    distance <= 2 && 2 * distance < a.chars().count()
}

#[cfg(test)]
mod tests {
    use super::{did_you_mean, is_typo};

    #[test]
    fn typos_are_close_and_not_short() {
        assert!(is_typo("earlist", "earliest"));
        assert!(is_typo("Kafka", "kafka"));
        assert!(!is_typo("at_most_once", "at_least_once"));
        assert!(!is_typo("v3", "v1"));
        assert!(!is_typo("customer", "customer_id"));
    }

    #[test]
    fn truncations_are_suggested() {
        assert_eq!(
            did_you_mean("offset", ["offset_id", "partition", "topic"]),
            Some("offset_id")
        );
        assert_eq!(
            did_you_mean("event_ts", ["id", "event_time"]),
            Some("event_time")
        );
        assert_eq!(did_you_mean("zzzz", ["offset_id", "partition"]), None);
    }
}
