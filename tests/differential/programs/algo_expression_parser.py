# Recursive-descent parser and evaluator for arithmetic expressions with variables,
# errors reported with positions; tokenizer built on str methods.

class ParseError(Exception):
    pass

def tokenize(src):
    toks = []
    i = 0
    while i < len(src):
        c = src[i]
        if c.isspace():
            i += 1
        elif c.isdigit() or c == ".":
            j = i
            while j < len(src) and (src[j].isdigit() or src[j] == "."):
                j += 1
            toks.append(("num", float(src[i:j]) if "." in src[i:j] else int(src[i:j]), i))
            i = j
        elif c.isalpha():
            j = i
            while j < len(src) and src[j].isalnum():
                j += 1
            toks.append(("name", src[i:j], i))
            i = j
        elif c in "+-*/%^()":
            toks.append(("op", c, i))
            i += 1
        else:
            raise ParseError("bad character %r at %d" % (c, i))
    toks.append(("end", None, len(src)))
    return toks

class Parser:
    def __init__(self, src, env):
        self.toks = tokenize(src)
        self.pos = 0
        self.env = env
    def peek(self):
        return self.toks[self.pos]
    def take(self, kind=None, val=None):
        t = self.toks[self.pos]
        if (kind and t[0] != kind) or (val and t[1] != val):
            raise ParseError("expected %s at %d, got %r" % (val or kind, t[2], t[1]))
        self.pos += 1
        return t
    def expr(self):
        v = self.term()
        while self.peek()[1] in ("+", "-"):
            op = self.take()[1]
            r = self.term()
            v = v + r if op == "+" else v - r
        return v
    def term(self):
        v = self.factor()
        while self.peek()[1] in ("*", "/", "%"):
            op = self.take()[1]
            r = self.factor()
            if op == "*":
                v *= r
            elif op == "/":
                v /= r
            else:
                v %= r
        return v
    def factor(self):
        base = self.unary()
        if self.peek()[1] == "^":
            self.take()
            return base ** self.factor()
        return base
    def unary(self):
        if self.peek()[1] == "-":
            self.take()
            return -self.unary()
        return self.atom()
    def atom(self):
        t = self.peek()
        if t[0] == "num":
            self.take()
            return t[1]
        if t[0] == "name":
            self.take()
            if self.peek()[1] == "(":
                self.take()
                arg = self.expr()
                self.take("op", ")")
                return self.env[t[1]](arg)
            try:
                return self.env[t[1]]
            except KeyError:
                raise ParseError("unknown name %r at %d" % (t[1], t[2])) from None
        if t[1] == "(":
            self.take()
            v = self.expr()
            self.take("op", ")")
            return v
        raise ParseError("unexpected %r at %d" % (t[1], t[2]))
    def parse(self):
        v = self.expr()
        self.take("end")
        return v

import math
env = {"x": 3, "y": 4.5, "pi": math.pi, "sqrt": math.sqrt, "abs": abs}
tests = ["1 + 2 * 3", "(1 + 2) * 3", "2 ^ 3 ^ 2", "-2 ^ 2", "x * y - 1", "sqrt(x * x + 16)", "10 / 4",
         "10 % 4 + 7 % -3", "abs(-x) + 2.5", "2 ^ 100", "1 +", "(1 + 2", "z + 1", "3 $ 4", "1 / 0", "pi * 2"]
for src in tests:
    try:
        print("%-18s = %r" % (src, Parser(src, env).parse()))
    except ParseError as e:
        print("%-18s ! ParseError: %s" % (src, e))
    except ZeroDivisionError as e:
        print("%-18s ! ZeroDivisionError: %s" % (src, e))
