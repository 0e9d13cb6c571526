-- docs/processing-rules.md#rule-4: the winning version of each id of the net change set replaces the case's oca_index
-- row (an upsert keeps the row, so the foreign keys of the child tables never see the case disappear).
INSERT INTO oca_index AS t (
    indexnumberid, court, fileddate, propertytype, classification, specialtydesignationtypes,
    status, disposeddate, disposedreason, firstpaper, primaryclaimtotal, dateofjurydemand)
SELECT s.indexnumberid, s.court, s.fileddate, s.propertytype, s.classification,
       s.specialtydesignationtypes, s.status, s.disposeddate, s.disposedreason, s.firstpaper,
       s.primaryclaimtotal, s.dateofjurydemand
FROM net_oca_index s
JOIN net_decision d ON d.indexnumberid = s.indexnumberid AND d.winner_pos = s.file_pos
ON CONFLICT (indexnumberid) DO UPDATE
SET court                     = EXCLUDED.court,
    fileddate                 = EXCLUDED.fileddate,
    propertytype              = EXCLUDED.propertytype,
    classification            = EXCLUDED.classification,
    specialtydesignationtypes = EXCLUDED.specialtydesignationtypes,
    status                    = EXCLUDED.status,
    disposeddate              = EXCLUDED.disposeddate,
    disposedreason            = EXCLUDED.disposedreason,
    firstpaper                = EXCLUDED.firstpaper,
    primaryclaimtotal         = EXCLUDED.primaryclaimtotal,
    dateofjurydemand          = EXCLUDED.dateofjurydemand
