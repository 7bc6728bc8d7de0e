-- The business calendar: the days off and extra working days of a year, as an administrator set
-- them. A year with no calendar_year row is not stored: the application computes its defaults
-- (Labor Code 2019, Art. 112; docs/adr/0003-business-calendar.md).

-- A year set by an administrator: its days are exactly the rows below, no defaults added.
create table calendar_year (
    year        integer      primary key check (year between 1901 and 2199),
    updated_at  timestamptz  not null default now(),
    updated_by  varchar(60)  not null
);

-- Days off besides Saturdays and Sundays: holidays, compensating days (nghỉ bù), swapped days.
create table calendar_day_off (
    day   date          primary key,
    year  integer       not null references calendar_year (year) on delete cascade,
    name  varchar(200)  not null,
    kind  varchar(20)   not null check (kind in ('PUBLIC_HOLIDAY', 'COMPENSATORY', 'SWAPPED', 'OTHER')),
    check (extract(year from day) = year)
);

-- Saturdays and Sundays made working days (làm bù) when the Government swaps days.
create table calendar_working_day (
    day   date          primary key,
    year  integer       not null references calendar_year (year) on delete cascade,
    name  varchar(200)  not null,
    check (extract(year from day) = year),
    check (extract(isodow from day) in (6, 7))
);
