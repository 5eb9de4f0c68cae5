"""The city's needs survey: a page type built on Wagtail's form builder that asks young people
the research questions (interests, age, neighbourhood, when they are free, what stops them),
keeps the answers anonymous, and the dashboard's section that counts them."""
