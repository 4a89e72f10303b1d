"""What a page and the JSON API both do with what a user sent: one function per action that
turns the entered values into the domain command (refusing what the form alone gets wrong
with InvalidInput), so the two front ends cannot drift apart. The routes only parse their
own kind of input (a form, a JSON body) and show the outcome their own way."""
