-- A plan's six-month report (báo cáo 6 tháng đầu năm) beside its yearly one: the rule's day/month
-- ("15/6"), and report rounds of kind HALF_YEAR, at most one per plan and year, as the yearly ones.
-- A six-month round covers 15/12 of the year before to 14/6 (Decree 09/2019/NĐ-CP, Article 12).

alter table plan
    add column reporting_half_year_deadline varchar(5);

alter table report_round
    drop constraint report_round_kind_check,
    add constraint report_round_kind_check check (kind in ('YEARLY', 'HALF_YEAR', 'ADHOC'));

-- one six-month round per plan and year (report_round_yearly keeps one yearly round)
create unique index report_round_half_year on report_round (plan_id, year) where kind = 'HALF_YEAR';
