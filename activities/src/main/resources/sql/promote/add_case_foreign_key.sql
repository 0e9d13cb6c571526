-- Restores a foreign key set aside by drop_case_foreign_key.sql with the definition of V1; adding it
-- validates every row of the table (an orphan fails the whole promotion, which rolls back).
ALTER TABLE {{table}} ADD CONSTRAINT {{constraint}}
    FOREIGN KEY (indexnumberid) REFERENCES oca_index ON DELETE CASCADE
