"""Open Badges 2.0: issuers, badge classes, awards (assertions), verification and baking.

The public API for other parts of the package is :func:`~.awarding.award` and
:func:`~.awarding.revoke`.
"""
