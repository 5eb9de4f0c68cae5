"""Slovenian: the month in the genitive (7. decembra 2026), no leading zero, "pet." with a dot."""

DATE = "j. E Y"  # 7. decembra 2026
WEEKDAY_DATE = "l, j. E Y"  # ponedeljek, 7. decembra 2026
SHORT_WEEKDAY_DATE = "D, j. E Y"  # pon., 7. decembra 2026
WEEKDAY_DAY_MONTH = "D, j. E"  # pon., 7. decembra
DAY_MONTH = "j. E"  # 7. decembra
TIME = "H:i"  # 17:30
DATETIME = "j. E Y, H:i"  # 7. decembra 2026, 17:30
SHORT_DATETIME = "j. n. Y, H:i"  # 7. 12. 2026, 17:30
MONTH = "F Y"  # december 2026 (nominative, lower case)
