# A small stack-based bytecode VM: dispatch through if/elif chains and through a dict of
# bound methods; programs compute factorials, fibonacci and a loop with a call stack.

class VM:
    def __init__(self, code):
        self.code = code
        self.stack = []
        self.frames = []
        self.vars = {}
        self.pc = 0
        self.out = []
        self.ops = {"push": self.op_push, "add": self.op_add, "sub": self.op_sub, "mul": self.op_mul,
                    "load": self.op_load, "store": self.op_store, "jz": self.op_jz, "jmp": self.op_jmp,
                    "print": self.op_print, "call": self.op_call, "ret": self.op_ret, "dup": self.op_dup,
                    "lt": self.op_lt}
    def op_push(self, a): self.stack.append(a)
    def op_add(self, a): b = self.stack.pop(); self.stack.append(self.stack.pop() + b)
    def op_sub(self, a): b = self.stack.pop(); self.stack.append(self.stack.pop() - b)
    def op_mul(self, a): b = self.stack.pop(); self.stack.append(self.stack.pop() * b)
    def op_lt(self, a): b = self.stack.pop(); self.stack.append(int(self.stack.pop() < b))
    def op_load(self, a): self.stack.append(self.vars[a])
    def op_store(self, a): self.vars[a] = self.stack.pop()
    def op_dup(self, a): self.stack.append(self.stack[-1])
    def op_jz(self, a):
        if self.stack.pop() == 0:
            self.pc = a
    def op_jmp(self, a): self.pc = a
    def op_print(self, a): self.out.append(self.stack.pop())
    def op_call(self, a):
        self.frames.append((self.pc, dict(self.vars)))
        self.pc = a
    def op_ret(self, a):
        self.pc, self.vars = self.frames.pop()
    def run_dict(self):
        steps = 0
        while self.pc < len(self.code):
            op, arg = self.code[self.pc]
            self.pc += 1
            if op == "halt":
                break
            self.ops[op](arg)
            steps += 1
        return self.out, steps
    def run_chain(self):
        steps = 0
        code = self.code
        stack = self.stack
        while self.pc < len(code):
            op, arg = code[self.pc]
            self.pc += 1
            steps += 1
            if op == "push":
                stack.append(arg)
            elif op == "add":
                b = stack.pop(); stack.append(stack.pop() + b)
            elif op == "sub":
                b = stack.pop(); stack.append(stack.pop() - b)
            elif op == "mul":
                b = stack.pop(); stack.append(stack.pop() * b)
            elif op == "lt":
                b = stack.pop(); stack.append(int(stack.pop() < b))
            elif op == "load":
                stack.append(self.vars[arg])
            elif op == "store":
                self.vars[arg] = stack.pop()
            elif op == "dup":
                stack.append(stack[-1])
            elif op == "jz":
                if stack.pop() == 0:
                    self.pc = arg
            elif op == "jmp":
                self.pc = arg
            elif op == "print":
                self.out.append(stack.pop())
            elif op == "halt":
                break
            else:
                raise ValueError("bad op " + op)
        return self.out, steps

def factorial_prog(n):
    return [("push", n), ("store", "n"), ("push", 1), ("store", "acc"),
            ("load", "n"), ("jz", 14),
            ("load", "acc"), ("load", "n"), ("mul", None), ("store", "acc"),
            ("load", "n"), ("push", 1), ("sub", None), ("store", "n"), ("jmp", 4)][:14] + \
           [("jmp", 4), ("load", "acc"), ("print", None), ("halt", None)]

def fixup(prog):
    return [(op, 15 if (op == "jz") else arg) for op, arg in prog]

for n in [0, 1, 5, 10, 25]:
    prog = fixup(factorial_prog(n))
    print(n, VM(prog).run_dict(), VM(prog).run_chain())
fib = [("push", 0), ("store", "a"), ("push", 1), ("store", "b"), ("push", 0), ("store", "i"),
       ("load", "i"), ("push", 30), ("lt", None), ("jz", 24),
       ("load", "a"), ("print", None),
       ("load", "a"), ("load", "b"), ("add", None), ("load", "b"), ("store", "a"), ("store", "b"),
       ("load", "i"), ("push", 1), ("add", None), ("store", "i"), ("jmp", 6), ("halt", None), ("halt", None)]
out, steps = VM(fib).run_chain()
print(out[-5:], steps)
try:
    VM([("bogus", None)]).run_chain()
except ValueError as e:
    print("ValueError:", e)
