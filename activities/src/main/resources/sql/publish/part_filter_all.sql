-- Every part (a full export).
TRUE
