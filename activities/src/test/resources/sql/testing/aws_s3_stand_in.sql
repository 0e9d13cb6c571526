-- A test-only stand-in for RDS's aws_s3 and aws_commons extensions with the same schemas, types
-- and function signatures, so the production SQL that calls them runs unchanged in tests. The data
-- moves with COPY ... FROM PROGRAM / TO PROGRAM 'curl ...' against the test S3 server (path-style,
-- no authentication), so it needs a superuser. The server's URL comes from the setting
-- oca_test.s3_endpoint (set per database by the installer). When oca_test.s3_access_key is set, a
-- call with credentials must carry that access key: proof that the caller bound them.
-- Installed as one script (simple query protocol); see org.ocaetl.testing.AwsS3StandIn.

CREATE SCHEMA aws_commons;
CREATE SCHEMA aws_s3;

CREATE TYPE aws_commons._s3_uri_1 AS (bucket text, file_path text, region text);
CREATE TYPE aws_commons._aws_credentials_1 AS (access_key text, secret_key text, session_token text);

CREATE FUNCTION aws_commons.create_s3_uri(s3_bucket text, s3_key text, aws_region text)
RETURNS aws_commons._s3_uri_1 LANGUAGE sql IMMUTABLE
AS $$ SELECT ROW(s3_bucket, s3_key, aws_region)::aws_commons._s3_uri_1 $$;

CREATE FUNCTION aws_commons.create_aws_credentials(access_key text, secret_key text, session_token text)
RETURNS aws_commons._aws_credentials_1 LANGUAGE sql IMMUTABLE
AS $$ SELECT ROW(access_key, secret_key, session_token)::aws_commons._aws_credentials_1 $$;

-- The curl command for one object, every value shell-quoted ('...' with ' as '\''); the caller
-- quotes the whole command again as an SQL literal (format %L).
CREATE FUNCTION aws_s3.curl_command(curl_options text, s3_info aws_commons._s3_uri_1)
RETURNS text LANGUAGE plpgsql STABLE
AS $$
DECLARE
  url text := rtrim(current_setting('oca_test.s3_endpoint'), '/') || '/' || s3_info.bucket || '/' || s3_info.file_path;
BEGIN
  IF s3_info.bucket IS NULL OR s3_info.file_path IS NULL OR s3_info.region IS NULL THEN
    RAISE EXCEPTION 'aws_s3 stand-in: bucket, file_path and region are required';
  END IF;
  RETURN 'curl --silent --show-error --fail ' || curl_options || ' '''
      || replace(url, '''', '''\''''') || '''';
END
$$;

CREATE FUNCTION aws_s3.table_import_from_s3(
    table_name text, column_list text, options text, s3_info aws_commons._s3_uri_1)
RETURNS text LANGUAGE plpgsql
AS $$
DECLARE
  imported bigint;
BEGIN
  EXECUTE format('COPY %s %s FROM PROGRAM %L %s',
      table_name,
      CASE WHEN column_list = '' THEN '' ELSE '(' || column_list || ')' END,
      aws_s3.curl_command('', s3_info),
      options);
  GET DIAGNOSTICS imported = ROW_COUNT;
  RETURN format('%s rows imported into relation "%s" from file %s', imported, table_name, s3_info.file_path);
END
$$;

CREATE FUNCTION aws_s3.table_import_from_s3(
    table_name text, column_list text, options text, s3_info aws_commons._s3_uri_1,
    credentials aws_commons._aws_credentials_1)
RETURNS text LANGUAGE plpgsql
AS $$
DECLARE
  expected text := nullif(current_setting('oca_test.s3_access_key', true), '');
BEGIN
  IF credentials.access_key IS NULL OR credentials.secret_key IS NULL
      OR (expected IS NOT NULL AND credentials.access_key IS DISTINCT FROM expected) THEN
    RAISE EXCEPTION 'aws_s3 stand-in: access denied (credentials missing or not the expected ones)';
  END IF;
  RETURN aws_s3.table_import_from_s3(table_name, column_list, options, s3_info);
END
$$;

CREATE FUNCTION aws_s3.query_export_to_s3(
    query text, s3_info aws_commons._s3_uri_1, options text DEFAULT NULL, kms_key text DEFAULT NULL,
    OUT rows_uploaded bigint, OUT files_uploaded bigint, OUT bytes_uploaded bigint)
LANGUAGE plpgsql
AS $$
BEGIN
  EXECUTE format('COPY (%s) TO PROGRAM %L %s',
      query,
      aws_s3.curl_command('--upload-file -', s3_info),
      CASE WHEN options IS NULL OR options = '' THEN '' ELSE '(' || options || ')' END);
  GET DIAGNOSTICS rows_uploaded = ROW_COUNT;
  files_uploaded := 1;
  bytes_uploaded := NULL; -- the stand-in does not count bytes
END
$$;
