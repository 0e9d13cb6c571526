-- The dirty parts only (a partial export); part names are validated literals (SqlLiteral.part).
oca_publish_part(i.oca_fileddate) IN ({{part_names}})
