"""Italian: days and months in lower case (ven 4 dicembre), no leading zero."""

DATE = "j E Y"  # 7 dicembre 2026
WEEKDAY_DATE = "l j E Y"  # lunedì 7 dicembre 2026
SHORT_WEEKDAY_DATE = "D j E Y"  # lun 7 dicembre 2026
WEEKDAY_DAY_MONTH = "D j E"  # lun 7 dicembre
DAY_MONTH = "j E"  # 7 dicembre
TIME = "H:i"  # 17:30
DATETIME = "j E Y, H:i"  # 7 dicembre 2026, 17:30
SHORT_DATETIME = "d/m/Y H:i"  # 07/12/2026 17:30
MONTH = "E Y"  # dicembre 2026
