"""English: Django's own style (Dec. 7, 2026; 5:30 p.m.)."""

DATE = "N j, Y"  # Dec. 7, 2026
WEEKDAY_DATE = "l, N j, Y"  # Monday, Dec. 7, 2026
SHORT_WEEKDAY_DATE = "D N j, Y"  # Mon Dec. 7, 2026
WEEKDAY_DAY_MONTH = "D E j"  # Mon December 7
DAY_MONTH = "E j"  # December 7
TIME = "P"  # 5:30 p.m.
DATETIME = "N j, Y, P"  # Dec. 7, 2026, 5:30 p.m.
SHORT_DATETIME = "m/d/Y P"  # 12/07/2026 5:30 p.m.
MONTH = "F Y"  # December 2026
