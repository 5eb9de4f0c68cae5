"""New providers and their staff: the public "Become a learning provider" form, the city
editors' review of requests, approval (page, group, collection, issuer and invitation in one
step) and the invitations of staff members."""
