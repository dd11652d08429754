-- A commune copy opened before its documents and ratings were told apart from those made in it takes every one it holds as the office's.
--
-- Since schema 19 a copy keeps, as it does for tasks, the documents of the
-- evidence register and the ratings the office's package brought
-- (exchange_base), so that a return carries those made in the copy only.
-- A copy opened earlier has no such record: what it holds is taken as
-- received from the office (origin 'office'; the row's values are not
-- compared, only whether it was made in the copy).
INSERT INTO exchange_base (table_name, row_id, data, origin)
SELECT 'evidence', e.id, '[]', 'office' FROM evidence e
WHERE EXISTS (SELECT 1 FROM exchange_self s WHERE s.role = 'commune')
  AND NOT EXISTS (SELECT 1 FROM exchange_base b WHERE b.table_name = 'evidence');

INSERT INTO exchange_base (table_name, row_id, data, origin)
SELECT 'ratings', r.id, '[]', 'office' FROM ratings r
WHERE EXISTS (SELECT 1 FROM exchange_self s WHERE s.role = 'commune')
  AND NOT EXISTS (SELECT 1 FROM exchange_base b WHERE b.table_name = 'ratings');
