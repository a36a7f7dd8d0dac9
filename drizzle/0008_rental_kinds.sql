-- The kinds of fire-safety hazard a town starts with (seed 002's campaign counts these); the town edits the list.
-- OR IGNORE: a kind the town already keeps under the same name stays as the town set it.
INSERT OR IGNORE INTO `hazard_kinds` (`name`, `counted_by`, `photo_required`, `sort`) VALUES
  ('电动车屋内停放充电', '处', 1, 1),
  ('消防设施未配齐', '处', 1, 2),
  ('电气线路不规范', '处', 1, 3),
  ('疏散通道堵塞', '栋', 1, 4),
  ('防盗网未设逃生窗', '处', 1, 5),
  ('其他消防隐患', '处', 0, 6);
