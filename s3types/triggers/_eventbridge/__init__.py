"""Triggers delivered through the bucket's EventBridge delivery, one module per part.

``pattern``: a trigger as an EventBridge rule pattern (pure); ``plan``: the
rules' names and the plan; ``access``: the Lambda permission or queue policy
statement that lets a rule reach its target; ``apply``: the apply on AWS
(``apply_triggers(..., via="eventbridge")``); ``export``: CloudFormation,
SAM, Terraform and JSON (``export_triggers(..., via="eventbridge")``).
Nothing is imported here: each caller loads the part it needs.
"""
