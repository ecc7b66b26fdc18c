-- Nothing to create: live events travel between servers only on PostgreSQL (LISTEN/NOTIFY), and an
-- SQLite database serves one server. The number is kept so both backends count migrations alike.
SELECT 1;
