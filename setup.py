"Package set-up, read from `settings.ini` (the nbdev 2 layout)."
from configparser import ConfigParser
import setuptools, shlex

config = ConfigParser(delimiters=['='])
config.read('settings.ini', encoding='utf-8')
cfg = config['DEFAULT']

def reqs(key): return shlex.split(cfg.get(key, ''))
requirements = reqs('requirements')  # the library: inference on text, speech and faces, the CLI; no TensorFlow
# extras: live (widgets in JupyterLab), train (TensorFlow/keras), scale (Dask cluster, Parquet);
# dev holds them all plus the test and notebook tools, so '.[dev]' runs the whole test suite; all is the same set
extras = {k: reqs(f'{k}_requirements') for k in ('live', 'train', 'scale')}
extras['dev'] = extras['live'] + extras['train'] + extras['scale'] + reqs('dev_requirements')
extras['all'] = list(extras['dev'])

setuptools.setup(
    name=cfg['lib_name'], version=cfg['version'], description=cfg['description'],
    keywords=cfg['keywords'], author=cfg['author'], author_email=cfg['author_email'],
    license='Apache-2.0', url=cfg['git_url'],
    classifiers=['Development Status :: 3 - Alpha', 'Intended Audience :: Science/Research',
                 'Programming Language :: Python :: 3.11', 'License :: OSI Approved :: Apache Software License'],
    packages=setuptools.find_packages(include=['emo_nb', 'emo_nb.*']),
    package_data={'emo_nb': ['models/*/*', 'static/*']},  # the shipped models; the live widget's JavaScript and CSS
    include_package_data=True,
    install_requires=requirements,
    extras_require=extras,
    python_requires='>=' + cfg['min_python'],
    long_description=open('README.md', encoding='utf-8').read(),
    long_description_content_type='text/markdown',
    zip_safe=False,
    entry_points={'console_scripts': shlex.split(cfg.get('console_scripts', '')),
                  'nbdev': [f"{cfg['lib_path']}={cfg['lib_path']}._modidx:d"]},
)
