python3 -c "import sys; sys.stdout.write('Arnor attacked Gondor ' + 'and more words ' * 1400000 + 'today.')" > big.txt
