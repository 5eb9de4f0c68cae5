"""What young people look for: the map's searches counted per day (above all those that found
nothing), and "I'm interested" on an opportunity."""
