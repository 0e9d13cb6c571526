-- Generated benchmark rows: one oca_warrants row per case version in the temp table ids (create_ids.sql).
-- Columns in the table's order, so COPY ... TO writes the staged CSV header the promotion expects.
SELECT 'LT-' || lpad(n::text, 8, '0') AS indexnumberid,
       1 AS judgmentsequence,
       'A' AS sequence,
       'Reason ' || v AS createdreason,
       NULL::date AS ordereddate,
       NULL AS issuancetype,
       NULL::date AS issuancestayeddate,
       NULL::int AS issuancestayeddays,
       NULL::date AS issueddate,
       NULL AS executiontype,
       NULL::date AS executionstayeddate,
       NULL::int AS executionstayeddays,
       NULL::date AS marshalrequestdate,
       NULL::date AS marshalrequestrevieweddate,
       NULL AS enforcementagency,
       NULL AS enforcementofficerdocketnumber,
       ARRAY['Brooklyn'] AS propertiesonwarrantcities,
       ARRAY['NY'] AS propertiesonwarrantstates,
       ARRAY['11201'] AS propertiesonwarrantpostalcodes,
       NULL::date AS amendeddate,
       NULL::date AS vacateddate,
       NULL AS adultprotectiveservicesnumber,
       NULL::date AS returneddate,
       NULL AS returnedreason,
       NULL::date AS executiondate
FROM ids
WHERE kind = 'version'
