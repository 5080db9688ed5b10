"""The accessibility statement: the editors' page `toegankelijkheid.md`, with the parts that must not
drift filled in by the generator.

A Dutch government site publishes a statement by the model of DigiToegankelijk (digitoegankelijk.nl):
which site, the date, the norm, the status (A to E), how it was tested, what is known not to work,
and where to report a problem and complain. The owner writes the page in their own words; where it
says `<!-- verklaring: testen -->` (and so on, `parts.py`), the generator puts a part that follows
from facts it knows: the date and status from the plugin's options (`options.py`), how the test suite
tests every site it makes (`how_we_test.py`, which a test holds to the suite), and the generator's own
known problems (`known_problems.py`). When the suite or a problem changes, every site's statement
changes with the next version, without an owner having to remember it.
"""
