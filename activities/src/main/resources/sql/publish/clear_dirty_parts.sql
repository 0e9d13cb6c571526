-- Deletes the marks a successful publish read, by id: a mark committed after the publish's
-- snapshot stays, even one whose id is lower than an id read.
DELETE FROM oca_publish_dirty_parts WHERE mark = ANY (?)
