"""Date and number formats of Papiamentu (``pap``), which Django does not ship: day before month,
the 24-hour clock, a comma for decimals and a dot between thousands, as on Aruba, Bonaire and
Curaçao. The names of months and days are in locale/pap/LC_MESSAGES/django.po."""

DATE_FORMAT = "j F Y"  # '20 yanüari 2009'
TIME_FORMAT = "H:i"  # '15:23'
DATETIME_FORMAT = "j F Y H:i"  # '20 yanüari 2009 15:23'
YEAR_MONTH_FORMAT = "F Y"  # 'yanüari 2009'
MONTH_DAY_FORMAT = "j F"  # '20 yanüari'
SHORT_DATE_FORMAT = "d-m-Y"  # '20-01-2009'
SHORT_DATETIME_FORMAT = "d-m-Y H:i"  # '20-01-2009 15:23'
FIRST_DAY_OF_WEEK = 1  # Monday (dialuna)

DATE_INPUT_FORMATS = [
    "%d-%m-%Y",  # '20-01-2009'
    "%d/%m/%Y",  # '20/01/2009'
    "%Y-%m-%d",  # '2009-01-20'
]
TIME_INPUT_FORMATS = [
    "%H:%M:%S",  # '15:23:35'
    "%H:%M",  # '15:23'
]
DATETIME_INPUT_FORMATS = [
    "%d-%m-%Y %H:%M:%S",  # '20-01-2009 15:23:35'
    "%d-%m-%Y %H:%M",  # '20-01-2009 15:23'
    "%Y-%m-%d %H:%M:%S",  # '2009-01-20 15:23:35'
    "%Y-%m-%d %H:%M",  # '2009-01-20 15:23'
]
DECIMAL_SEPARATOR = ","
THOUSAND_SEPARATOR = "."
NUMBER_GROUPING = 3
