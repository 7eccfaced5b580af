python3 -c "print('{\"a\":' + '[' * 10000 + ']' * 10000 + '}')" > deep.jsonl
