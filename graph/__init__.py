"""The graph: engine lifecycle, connection, schema, writer and named read queries.

The only package that holds Cypher.
"""
