-- The parts promotions and maintenance marked since the last publish (V8's triggers), read in the
-- publish's snapshot: only marks committed before it.
SELECT mark, relation, part FROM oca_publish_dirty_parts
