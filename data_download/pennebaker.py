"Pennebaker & King's stream-of-consciousness essays with Big Five scores: shared per user by the authors."
SPEC = dict(name='pennebaker', kind='manual', licence='research use, from the authors (Pennebaker & King 1999)',
            how='Ask the authors (or your institution) for essays.csv with Big Five labels.',
            layout='essays.csv with columns #AUTHID,TEXT,cEXT,cNEU,cAGR,cCON,cOPN (y/n)')
if __name__ == '__main__':
    import sys, fetch; sys.exit(fetch.main(name='pennebaker'))
