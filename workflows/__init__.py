"""The domain of the township civility ratings. Standard library only."""
