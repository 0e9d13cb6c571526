-- One decision per id of the net change set whose rows change: the id ends tombstoned (a delete
-- record or a tombstoned version anywhere in the set, docs/processing-rules.md#rule-6: winner_pos
-- NULL, every row goes), or it ends with the last version the set applied (winner_pos,
-- docs/processing-rules.md#rule-4). Ids whose every version was skipped as older keep their rows
-- and get no decision.
-- Returns how many of the decided ids the database knew (they may have rows to remove).
WITH decided AS (
    INSERT INTO net_decision (indexnumberid, winner_pos, db_known)
    SELECT indexnumberid,
           CASE WHEN bool_or(decision IN ('delete', 'tombstoned')) THEN NULL
                ELSE max(file_pos) FILTER (WHERE decision = 'apply')
           END,
           bool_or(db_known)
    FROM net_case
    GROUP BY indexnumberid
    HAVING bool_or(decision <> 'skip_older')
    RETURNING db_known
)
SELECT count(*) FILTER (WHERE db_known) FROM decided
