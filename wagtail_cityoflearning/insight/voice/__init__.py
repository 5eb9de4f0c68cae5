"""Youth voice: "Suggest an opportunity", the public form where a young person (signed in or
not, always anonymously) tells the city what they would like to learn or which place is
missing from the map; the city editors' triage of suggestions in the admin (forward to a
provider, turn into an opportunity draft, decline); and the "Youth voice" section of the
dashboard."""
