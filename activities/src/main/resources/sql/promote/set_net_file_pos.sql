-- The file position the next COPY into a net table gives its rows: staged child CSVs are copied
-- straight into the net tables (no landing table, so each row is written once), and the CSV has no
-- file_pos column. DDL takes no bound parameter, hence the validated literal.
ALTER TABLE {{net_table}} ALTER COLUMN file_pos SET DEFAULT {{file_pos}}
