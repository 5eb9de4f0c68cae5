"""Demo content for the two example cities (used by the cityoflearning_demo command).

An app of the example site, not of the package: the wheel carries no demo.
"""
